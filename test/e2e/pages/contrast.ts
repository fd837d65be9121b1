import type { Locator } from '@playwright/test';

/**
 * The WCAG contrast ratio of an element's text against what is behind it, from computed styles: the
 * text colour (with the opacity of the element and its ancestors) over the first opaque background
 * up the tree, translucent backgrounds on the way composited. axe-core skips disabled controls and
 * reads states a test does not reach; this measures any element in any state.
 */
export function textContrast(target: Locator): Promise<number> {
  return target.evaluate((el) => {
    const parse = (c: string): [number, number, number, number] => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const [r, g, b, a = 1] = m[1]!
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [r!, g!, b!, a];
    };
    const over = (top: number[], bottom: number[]) =>
      [0, 1, 2].map((i) => top[i]! * top[3]! + bottom[i]! * (1 - top[3]!));
    const layers: number[][] = [];
    let opacity = 1;
    for (let node: Element | null = el; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      opacity *= Number(style.opacity);
      const bg = parse(style.backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    let background = [255, 255, 255];
    for (const layer of layers.reverse()) background = over(layer, background);
    const fg = parse(getComputedStyle(el).color);
    const text = over([fg[0], fg[1], fg[2], fg[3] * opacity], background);
    const lum = (c: number[]) => {
      const [r, g, b] = c.map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [hi, lo] = [lum(text), lum(background)].sort((a, b) => b - a);
    return (hi! + 0.05) / (lo! + 0.05);
  });
}

/** How many line boxes an inline element takes (1: it did not wrap). */
export function lineCount(target: Locator): Promise<number> {
  return target.evaluate((el) => {
    const tops = new Set([...el.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return tops.size;
  });
}
