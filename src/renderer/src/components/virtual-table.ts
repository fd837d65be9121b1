import type { VNodeChild } from 'vue';

/** A column of {@link ./VirtualTable.vue}. */
export interface VirtualColumn<T> {
  key: string;
  title: string;
  /** px; a column without a width takes what is left. */
  width?: number;
  align?: 'left' | 'right';
  /** Kept in place at the left edge while the table scrolls sideways (the first column only). */
  fixed?: boolean;
  className?: string;
  render: (row: T) => VNodeChild;
}

/**
 * A column's width for a text of `chars` characters (about 8.5 px a character at the table's 14 px,
 * plus the cell's padding), at least `least`: a cell is one line, so its text must fit whole.
 */
export const fitWidth = (chars: number, least: number): number =>
  Math.max(least, Math.ceil(8.5 * chars) + 20);
