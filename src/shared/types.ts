/** Domain objects that cross the API boundary. Timestamps are milliseconds since the Unix epoch. */

/** A ConvScope model as JSON (format documented in docs/model-format.md, validated by src/core). */
export type ModelJson = Record<string, unknown>;

/** Totals computed by the analysis core when a design is saved (what the library sorts by). */
export interface DesignStats {
  params: number;
  /** Multiply-accumulates of conv and linear layers. */
  macs: number;
}

export interface DesignSummary {
  id: string;
  name: string;
  tags: string[];
  stats: DesignStats | null;
  createdAt: number;
  updatedAt: number;
}

/** One save in a design's history, newest first in lists. */
export interface DesignVersion {
  versionId: number;
  /** The design's name when this version was saved (null for versions older than names in history). */
  name: string | null;
  stats: DesignStats | null;
  createdAt: number;
}

/** Autosaved editor text: kept verbatim, whether or not it is a valid model yet. */
export interface Draft {
  /** A design id, or "new" for a design not saved yet. */
  key: string;
  name: string;
  content: string;
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
