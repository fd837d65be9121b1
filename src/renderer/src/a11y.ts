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
const SVG = 'http://www.w3.org/2000/svg';

function set(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** The elements under `root` that match `selector`, `root` itself included. */
function matching(root: ParentNode, selector: string): Element[] {
  const self = root instanceof Element && root.matches(selector) ? [root] : [];
  return [...self, ...root.querySelectorAll(selector)];
}

/** Repairs everything under `root` (and `root` itself) once. */
export function repairA11y(root: ParentNode, labels: A11yLabels): void {
  for (const field of matching(root, '.n-input-number')) {
    const buttons = [...field.querySelectorAll(STEP_BUTTONS)];
    buttons.forEach((b, i) =>
      set(b, 'aria-label', i === buttons.length - 1 ? labels.increase : labels.decrease),
    );
  }
  for (const h of matching(root, '[role="heading"]:not([aria-level])')) set(h, 'aria-level', '2');
  for (const dialog of matching(root, '[role="dialog"]:not([aria-label]):not([aria-labelledby])')) {
    const title = dialog.querySelector('.n-card-header__main, .n-dialog__title');
    if (!title) continue;
    if (!title.id) title.id = `cs-dialog-title-${++ids}`;
    set(dialog, 'aria-labelledby', title.id);
  }
  for (const owner of matching(root, '.n-select[aria-label], .n-slider[aria-label], .n-input[aria-label]')) {
    const name = owner.getAttribute('aria-label')!;
    for (const control of owner.querySelectorAll(CONTROLS)) set(control, 'aria-label', name);
  }
  for (const body of matching(root, '.n-data-table-base-table-body, .n-data-table .v-vl')) {
    if (body.hasAttribute('tabindex')) continue;
    const scrolls = body.scrollWidth > body.clientWidth || body.scrollHeight > body.clientHeight;
    if (scrolls) set(body, 'tabindex', '0');
  }
}

/**
 * What a repair of a change at `node` must cover: the component the node belongs to (a control's
 * labelled owner, a number input, a dialog, a table), or the node itself.
 */
const OWNERS =
  '.n-input-number, .n-select[aria-label], .n-slider[aria-label], .n-input[aria-label], [role="dialog"], .n-data-table';
function scopeOf(node: Element): Element {
  return node.closest(OWNERS) ?? node;
}

/**
 * Keeps repairing as the app renders; returns the stop function. Only what was added is looked at
 * (with its owning component): an edit that re-renders a few table rows costs those rows, not a pass
 * over a page of thousands of elements.
 */
export function watchA11y(root: HTMLElement, labels: () => A11yLabels): () => void {
  const changed = new Set<Element>();
  let queued = false;
  let named = '';
  const run = () => {
    queued = false;
    const l = labels();
    // Another language: every name is given again, over the whole document.
    if (`${l.decrease}|${l.increase}` !== named) {
      named = `${l.decrease}|${l.increase}`;
      changed.clear();
      repairA11y(root.ownerDocument, l);
      return;
    }
    const scopes = new Set<Element>();
    for (const node of changed) if (node.isConnected) scopes.add(scopeOf(node));
    changed.clear();
    for (const scope of scopes) {
      // A scope inside another that is repaired too needs no pass of its own.
      let outer = scope.parentElement;
      while (outer && !scopes.has(outer)) outer = outer.parentElement;
      if (!outer) repairA11y(scope, l);
    }
  };
  // After the frame that rendered the change has been painted, so that an edit's frame never waits
  // for the repair (nor for the layout a table's scroll check needs).
  const observer = new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes) {
        const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
        if (!el) continue;
        // A drawing (the graph's boxes, relabelled by every edit) holds nothing to repair: only the
        // component around it, if any (an icon inside a control).
        if (el.namespaceURI !== SVG) changed.add(el);
        else {
          const owner = el.closest(OWNERS);
          if (owner) changed.add(owner);
        }
      }
    if (queued || changed.size === 0) return;
    queued = true;
    requestAnimationFrame(() => setTimeout(run, 0));
  });
  observer.observe(root, { childList: true, subtree: true });
  run();
  return () => observer.disconnect();
}
