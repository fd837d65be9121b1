import { onBeforeUnmount, shallowRef, watch, type ShallowRef } from 'vue';

/**
 * Runs `callback` in the task after the next frame has been painted (a frame, then a task after it),
 * so that what changed in this task reaches the screen before `callback`'s work starts. Returns a
 * function that cancels it.
 */
export function afterPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * `source()` as it was `frames` painted frames ago, each later value replacing a pending one: the
 * panels below the analysis table (counting, training, charts) take an edit after the table and totals
 * have been painted, each in a task of its own (frames 1, 2, 3…), instead of all inside the edit's
 * frame. Until the first value arrives the ref holds `initial` (a design opens with its table and
 * totals first, the panels in the frames after). Held in a shallow ref: the analysis is read, never
 * made deeply reactive.
 */
export function useAfterPaint<T>(source: () => T, frames: number, initial: T): ShallowRef<T> {
  const value = shallowRef(initial);
  let cancel: (() => void) | null = null;
  const step = (left: number, next: T) => {
    cancel = afterPaint(() => {
      if (left > 1) step(left - 1, next);
      else {
        cancel = null;
        value.value = next;
      }
    });
  };
  watch(
    source,
    (next) => {
      cancel?.();
      step(frames, next);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => cancel?.());
  return value;
}
