import type { Page } from '@playwright/test';

/**
 * Elements that scroll sideways on purpose, each with the reason. Their own overflow is their content
 * scrolling, so it is not reported (what contains them still is).
 */
export const SCROLLS_ON_PURPOSE: Record<string, string> = {
  // A 50-layer network has ~20 columns of numbers; below ~1600 px the table scrolls inside its card
  // rather than squeezing numbers into unreadable wraps. Its header stays aligned with its body.
  '.n-data-table-base-table-body': 'the analysis and library tables scroll inside their card',
  '.n-data-table-base-table-header': 'the header scrolls with the table body',
  '.n-scrollbar-container': "naive-ui's scroll areas (tables, menus) scroll by design",
  '.n-tabs-nav-scroll-content': 'a tab bar wider than its pane scrolls',
  // A fixed column draws its edge shadow as a 36 px ::after past its right border; its text is
  // checked through the cell's own content below.
  '.n-data-table-td--fixed-left, .n-data-table-th--fixed-left': 'the fixed column’s edge shadow',
};

/**
 * What sticks out sideways on the page: the document itself, any card, dialog, tab pane, button or table
 * cell whose content is wider than its box (scrollWidth > clientWidth), except the scroll areas above.
 */
export function overflows(page: Page): Promise<string[]> {
  return page.evaluate((allowed) => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) {
      out.push(`the page is ${doc.scrollWidth}px wide in a ${doc.clientWidth}px window`);
    }
    const name = (el: Element) => {
      const testid = el.closest('[data-testid]')?.getAttribute('data-testid');
      const cls = [...el.classList].slice(0, 2).join('.');
      const text = (el.textContent ?? '').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${cls ? '.' + cls : ''} in [${testid ?? '-'}] "${text}"`;
    };
    const boxes = document.querySelectorAll(
      '.n-card, .n-card__content, .n-modal, .n-tab-pane, .n-button, td, th, .n-form-item, [data-testid^="page-"]',
    );
    // A toolbar marked data-one-line keeps its controls on one line (a wrapped "Delete" button).
    for (const bar of document.querySelectorAll<HTMLElement>('[data-one-line]')) {
      if (bar.offsetParent === null) continue;
      const tops = new Set([...bar.children].map((c) => Math.round((c as HTMLElement).offsetTop)));
      if (tops.size > 1) out.push(`${name(bar)}: its controls wrap onto ${tops.size} lines`);
    }
    // Cell text cut off or broken mid-word: a cell's content wider than the cell.
    for (const cell of document.querySelectorAll<HTMLElement>('.n-data-table-td > *')) {
      if (cell.offsetParent !== null && cell.scrollWidth > cell.clientWidth + 1) {
        out.push(`${name(cell)}: text ${cell.scrollWidth}px in a ${cell.clientWidth}px cell`);
      }
    }
    for (const el of boxes) {
      if (!(el instanceof HTMLElement) || el.offsetParent === null) continue;
      if (allowed.some((s) => el.matches(s))) continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        out.push(`${name(el)}: content ${el.scrollWidth}px in a ${el.clientWidth}px box`);
      }
    }
    return out;
  }, Object.keys(SCROLLS_ON_PURPOSE));
}
