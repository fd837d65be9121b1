import type { CountingConvention } from './conventions';
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
  /** The counting convention the Designs page shows (docs/conventions.md). */
  convention: CountingConvention;
}

export interface LessonProgress {
  lessonId: string;
  visitedAt: number | null;
  completedAt: number | null;
  /** Where the learner stopped inside the lesson (a section id), or null. */
  position: string | null;
}

export interface SkillProgress {
  skill: string;
  attempts: number;
  correct: number;
  /** Share of the last 10 attempts answered right, over 10 (so it takes 10 right answers to reach 1). */
  mastery: number;
  lastAttemptAt: number | null;
}

export interface DayCount {
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
  attempts: number;
  correct: number;
}

export interface Progress {
  lessons: LessonProgress[];
  attempts: { total: number; correct: number };
  reviewsDue: number;
  /** Consecutive days, up to today (or yesterday, if today has nothing yet), with practice or a lesson. */
  streakDays: number;
  skills: SkillProgress[];
  /** Attempts per day over the last 30 days (days without attempts left out). */
  daily: DayCount[];
  /** Reviews falling due on each of the next 14 days (today first; overdue counted today). */
  forecast: { day: string; due: number }[];
  /** Every review card with its retrievability now, most at risk first. */
  cards: CardKnowledge[];
  /** Mean retrievability over the cards, per skill and over all. */
  knowledge: KnowledgeSummary;
}

/** A review card and the probability, from its FSRS state, that its skill is recalled now. */
export interface CardKnowledge {
  id: string;
  skill: string;
  /** A parametric card's difficulty; null for a skill card. */
  difficulty: 1 | 2 | 3 | null;
  due: number;
  state: string;
  reps: number;
  /** 0 … 1; null when the stored state is damaged. */
  retrievability: number | null;
}

export interface KnowledgeSummary {
  /** Mean retrievability over all cards with a sound state; null when there is none. */
  all: number | null;
  cards: number;
  bySkill: { skill: string; cards: number; expected: number }[];
}

/** Which question an answer is for: generated from a seed, built from explicit numbers, or about a design. */
export type QuestionRef =
  | { kind: 'generated'; skill: string; difficulty: 1 | 2 | 3; seed: number }
  | { kind: 'spec'; skill: string; difficulty: 1 | 2 | 3; spec: unknown }
  | { kind: 'design'; designId: string; difficulty: 1 | 2 | 3; seed: number };

export interface ReviewItem {
  /**
   * `skill:<skill>`, or a parametric card: `review:<skill>:<difficulty>` (a skill at a difficulty) or
   * `review:design:<design id>:<difficulty>` (questions about one saved design).
   */
  id: string;
  skill: string;
  /** A parametric card's difficulty; null for a skill card (asked at the session's difficulty). */
  difficulty?: 1 | 2 | 3 | null;
  /**
   * For a parametric card, the question to ask now: fresh numbers of the same skill and difficulty
   * (never the exact question last asked), drawn again after each review.
   */
  question: QuestionRef | null;
  due: number;
  state: string;
  reps: number;
  lapses: number;
}

/** Something the user must be told about the data at start-up (a damaged database set aside, say). */
export interface StartupNotice {
  kind: 'recovered' | 'temporary' | 'read-only';
  message: string;
  keptAs?: string;
}

export interface AppStatus {
  version: string;
  /** The database file in use, or ":memory:" when running on a temporary database. */
  dataFile: string;
  notices: StartupNotice[];
}

/** All user data as one JSON document (`data:export`); rows follow the database schema `schemaVersion`. */
export interface DataDocument {
  format: 'convscope-data';
  formatVersion: number;
  schemaVersion: number;
  exportedAt: number;
  appVersion: string;
  /** Table name → its rows (column → value); JSON columns stay JSON text. */
  tables: Record<string, Record<string, string | number | null>[]>;
}

export type ImportMode = 'merge' | 'replace';

export interface TableImportCounts {
  added: number;
  replaced: number;
  unchanged: number;
  removed: number;
}

/** A row of an import file that the app could not use: where it is in the file and why. */
export interface RefusedImportRow {
  table: string;
  /** Its position in the file's `tables.<table>` array, from 0. */
  index: number;
  /** The row's id or key, when it has one. */
  key?: string;
  reason: string;
}

/** What an import did, or (dryRun) would do: the preview shown before the user confirms. */
export interface ImportReport {
  mode: ImportMode;
  dryRun: boolean;
  applied: boolean;
  tables: Record<string, TableImportCounts>;
  totals: TableImportCounts;
  /** Rows left out of a partial import (or that would be), in file order; the first 1,000 are listed. */
  refusedCount: number;
  refused: RefusedImportRow[];
}

/** How far a running import is: checking the rows, then writing them. */
export interface ImportProgress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
}

/** A saved gradient-lab run: its configuration as the lab set it, without the recorded statistics. */
export interface LabRunSummary {
  id: string;
  name: string;
  config: Record<string, unknown>;
  createdAt: number;
}

export interface LabRun extends LabRunSummary {
  /** What the run recorded (per-step statistics, curves), as the lab produced it. */
  result: Record<string, unknown>;
}
