/**
 * Undo/redo over immutable snapshots. Consecutive snapshots pushed with the same `group` within
 * `coalesceMs` replace each other, so typing a word in the JSON view is one undo step, not one per key.
 */
export interface History<T> {
  readonly present: T;
  canUndo(): boolean;
  canRedo(): boolean;
  push(value: T, group?: string): void;
  undo(): T | undefined;
  redo(): T | undefined;
  reset(value: T): void;
}

export function createHistory<T>(
  initial: T,
  limit = 200,
  coalesceMs = 800,
  now = () => Date.now(),
): History<T> {
  let past: T[] = [];
  let future: T[] = [];
  let present = initial;
  let lastGroup: string | undefined;
  let lastAt = 0;
  return {
    get present() {
      return present;
    },
    canUndo: () => past.length > 0,
    canRedo: () => future.length > 0,
    push(value, group) {
      const t = now();
      const coalesce =
        group !== undefined && group === lastGroup && t - lastAt < coalesceMs && past.length > 0;
      if (!coalesce) {
        past.push(present);
        if (past.length > limit) past = past.slice(past.length - limit);
      }
      present = value;
      future = [];
      lastGroup = group;
      lastAt = t;
    },
    undo() {
      const previous = past.pop();
      if (previous === undefined) return undefined;
      future.push(present);
      present = previous;
      lastGroup = undefined;
      return present;
    },
    redo() {
      const next = future.pop();
      if (next === undefined) return undefined;
      past.push(present);
      present = next;
      lastGroup = undefined;
      return present;
    },
    reset(value) {
      past = [];
      future = [];
      present = value;
      lastGroup = undefined;
    },
  };
}
