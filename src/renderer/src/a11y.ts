/**
 * Accessible names and roles naive-ui leaves out, added to its markup as pages and dialogs render it:
 * - the − and + buttons of number inputs hold only an icon: named "Decrease" / "Increase";
 * - card titles carry role="heading" without a level: level 2 (page titles are the h1);
 * - card dialogs have no name: named by their title;
 * - selects, sliders and text fields read their name from the component's own `aria-label` (given by
 *   the page where there is no visible label), but naive-ui puts it on the wrapper, not on the control;
 * - a table body that scrolls (sideways, or a virtual list) takes keyboard focus, so the keyboard can
 *   scroll it too.
 */
export interface A11yLabels {
  decrease: string;
  increase: string;
}

const STEP_BUTTONS = '.n-input__prefix .n-button, .n-input__suffix .n-button';
const CONTROLS =
  '.n-base-selection-input, .n-base-selection-input-tag input, [role="slider"], input, textarea';
let ids = 0;

function set(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Repairs everything under `root` once. */
export function repairA11y(root: ParentNode, labels: A11yLabels): void {
  for (const field of root.querySelectorAll('.n-input-number')) {
    const buttons = [...field.querySelectorAll(STEP_BUTTONS)];
    buttons.forEach((b, i) =>
      set(b, 'aria-label', i === buttons.length - 1 ? labels.increase : labels.decrease),
    );
  }
  for (const h of root.querySelectorAll('[role="heading"]:not([aria-level])')) set(h, 'aria-level', '2');
  for (const dialog of root.querySelectorAll('[role="dialog"]:not([aria-label]):not([aria-labelledby])')) {
    const title = dialog.querySelector('.n-card-header__main, .n-dialog__title');
    if (!title) continue;
    if (!title.id) title.id = `cs-dialog-title-${++ids}`;
    set(dialog, 'aria-labelledby', title.id);
  }
  for (const owner of root.querySelectorAll(
    '.n-select[aria-label], .n-slider[aria-label], .n-input[aria-label]',
  )) {
    const name = owner.getAttribute('aria-label')!;
    for (const control of owner.querySelectorAll(CONTROLS)) set(control, 'aria-label', name);
  }
  for (const body of root.querySelectorAll('.n-data-table-base-table-body, .n-data-table .v-vl')) {
    const scrolls = body.scrollWidth > body.clientWidth || body.scrollHeight > body.clientHeight;
    if (scrolls && !body.hasAttribute('tabindex')) set(body, 'tabindex', '0');
  }
}

/** Keeps repairing as the app renders; returns the stop function. */
export function watchA11y(root: HTMLElement, labels: () => A11yLabels): () => void {
  let queued = false;
  const run = () => {
    queued = false;
    repairA11y(root.ownerDocument, labels());
  };
  // After the frame that rendered the change has been painted, so that an edit's frame never waits
  // for a pass over the whole document (a 500-layer design's page has thousands of elements).
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => setTimeout(run, 0));
  });
  observer.observe(root, { childList: true, subtree: true });
  run();
  return () => observer.disconnect();
}
