import { onBeforeUnmount, onMounted, ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue';

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
 * False until the frame after the component's mount has been painted, then true: a part below the fold
 * (the analysis table under the totals) is mounted in the task after that paint, so that opening a design
 * paints what is on screen first.
 */
export function usePainted(): Readonly<Ref<boolean>> {
  const painted = ref(false);
  let cancel: (() => void) | null = null;
  onMounted(() => {
    cancel = afterPaint(() => {
      cancel = null;
      painted.value = true;
    });
  });
  onBeforeUnmount(() => cancel?.());
  return painted;
}

/** After an edit, a panel out of sight takes it once the user has paused this long (ms). */
export const QUIET_MS = 800;

/**
 * `source()` as it was `frames` painted frames ago, each later value replacing a pending one: the
 * panels below the analysis table (counting, training, charts) take an edit after the table and totals
 * have been painted, each in a task of its own (frames 1, 2, 3…), instead of all inside the edit's
 * frame. Until the first value arrives the ref holds `initial` (a design opens with its table and
 * totals first, the panels in the frames after). Held in a shallow ref: the analysis is read, never
 * made deeply reactive.
 *
 * With `target` (the panel's element), a panel out of sight does no work while the user edits: it
 * takes the newest value when it comes into view, or once edits have paused for {@link QUIET_MS} and
 * the browser is idle, whichever is first (the first value always comes after the paint).
 */
export function useAfterPaint<T>(
  source: () => T,
  frames: number,
  initial: T,
  target?: Readonly<Ref<Element | null>>,
): ShallowRef<T> & { flush(): void } {
  const value = shallowRef(initial) as ShallowRef<T>;
  let delivered = false;
  let cancel: (() => void) | null = null;
  let visible = true;
  let pending: { next: T } | null = null;
  const step = (left: number, next: T) => {
    cancel = afterPaint(() => {
      if (left > 1) step(left - 1, next);
      else {
        cancel = null;
        value.value = next;
      }
    });
  };
  const deliver = (next: T) => {
    cancel?.();
    pending = null;
    delivered = true;
    step(frames, next);
  };
  const later = (next: T) => {
    cancel?.();
    pending = { next };
    let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(() => {
      timer = undefined;
      idle = whenIdle(() => {
        idle = null;
        if (pending) deliver(pending.next);
      });
    }, QUIET_MS);
    let idle: (() => void) | null = null;
    cancel = () => {
      clearTimeout(timer);
      idle?.();
    };
  };
  watch(
    source,
    (next) => {
      if (!target || visible || !delivered) deliver(next);
      else later(next);
    },
    { immediate: true },
  );
  let observer: IntersectionObserver | null = null;
  if (target && typeof IntersectionObserver === 'function') {
    observer = new IntersectionObserver((entries) => {
      visible = entries.some((e) => e.isIntersecting);
      if (visible && pending) deliver(pending.next);
    });
    watch(
      target,
      (el, old) => {
        if (old) observer!.unobserve(old);
        if (el) observer!.observe(el);
        else visible = true;
      },
      { immediate: true },
    );
  }
  onBeforeUnmount(() => {
    cancel?.();
    observer?.disconnect();
  });
  /** Takes a value still waiting now (an export must show the design as it is). */
  const flush = () => {
    if (!pending) return;
    cancel?.();
    cancel = null;
    value.value = pending.next;
    pending = null;
  };
  return Object.assign(value, { flush });
}

/** `callback` when the browser is idle (or after 2 s); returns a function that cancels it. */
function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(callback, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(callback, 200);
  return () => clearTimeout(id);
}
