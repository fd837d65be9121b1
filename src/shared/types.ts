/** Domain objects that cross the API boundary. Timestamps are milliseconds since the Unix epoch. */

/** A ConvScope model as JSON (format documented in docs/model-format.md, validated by src/core). */
export type ModelJson = Record<string, unknown>;

export interface DesignSummary {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
}

export interface Design extends DesignSummary {
  model: ModelJson;
}

export type ThemeSetting = 'system' | 'light' | 'dark';
export type LocaleSetting = 'system' | 'en' | 'zh-CN';

export interface Settings {
  theme: ThemeSetting;
  locale: LocaleSetting;
}

export interface LessonProgress {
  lessonId: string;
  visitedAt: number | null;
  completedAt: number | null;
  /** Where the learner stopped inside the lesson (a section id), or null. */
  position: string | null;
}

export interface Progress {
  lessons: LessonProgress[];
  attempts: { total: number; correct: number };
  reviewsDue: number;
}

/** Something the user must be told about the data at start-up (a damaged database set aside, say). */
export interface StartupNotice {
  kind: 'recovered' | 'temporary';
  message: string;
  keptAs?: string;
}

export interface AppStatus {
  version: string;
  /** The database file in use, or ":memory:" when running on a temporary database. */
  dataFile: string;
  notices: StartupNotice[];
}
