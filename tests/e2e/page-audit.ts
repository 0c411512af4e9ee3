import type { Page } from 'playwright-core';

export interface PageAudit {
  textNodes: number;
  smallText: { text: string; size: number }[];
  shortButtons: { text: string; height: number }[];
  lowContrast: { text: string; ratio: number; color: string; background: string }[];
}

/**
 * Reads what is on screen as the browser drew it: the computed size of every visible text, the height of every
 * button-like control, and the WCAG contrast of each text's colour against the first opaque background behind it.
 * Disabled controls are left out of the contrast check, as WCAG leaves them out.
 */
export function auditPage(page: Page, limits: { minTextPx: number; minButtonPx: number; scope?: string }): Promise<PageAudit> {
  return page.evaluate(({ minTextPx, minButtonPx, scope }) => {
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba => {
      const parts = value.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const alpha = top[3];
      return [0, 1, 2].map((i) => top[i] * alpha + bottom[i] * (1 - alpha)).concat(1) as Rgba;
    };
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (value: number) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const contrast = (a: Rgba, b: Rgba) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (light + 0.05) / (dark + 0.05);
    };
    /** The colour behind an element: its own background and its ancestors', blended, down to white. */
    const backgroundOf = (element: Element): Rgba | null => {
      const layers: Rgba[] = [];
      for (let node: Element | null = element; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.backgroundImage !== 'none') return null;
        const colour = parse(style.backgroundColor);
        if (colour[3] > 0) layers.push(colour);
        if (colour[3] >= 1) break;
      }
      return layers.reverse().reduce<Rgba>((under, layer) => over(layer, under), [255, 255, 255, 1]);
    };
    const isDisabled = (element: Element) => !!element.closest('[disabled], .nut-button-disabled, [aria-disabled="true"]');
    const label = (text: string) => text.trim().replace(/\s+/g, ' ').slice(0, 30);

    const audit = { textNodes: 0, smallText: [], shortButtons: [], lowContrast: [] } as {
      textNodes: number;
      smallText: { text: string; size: number }[];
      shortButtons: { text: string; height: number }[];
      lowContrast: { text: string; ratio: number; color: string; background: string }[];
    };
    const roots = scope ? Array.from(document.querySelectorAll(scope)).filter((element) => element.checkVisibility()) : [document.body];
    const texts = roots.flatMap((root) => {
      const found: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) found.push(node as Text);
      return found;
    });
    for (const node of texts) {
      const text = node.textContent ?? '';
      const element = node.parentElement;
      if (!text.trim() || !element || !element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      audit.textNodes += 1;
      const style = getComputedStyle(element);
      const size = Number.parseFloat(style.fontSize);
      if (size + 0.05 < minTextPx) audit.smallText.push({ text: label(text), size: Math.round(size * 10) / 10 });
      if (isDisabled(element)) continue;
      const background = backgroundOf(element);
      if (!background) continue;
      const colour = over(parse(style.color), background);
      const ratio = contrast(colour, background);
      if (ratio < 4.5) {
        audit.lowContrast.push({ text: label(text), ratio: Math.round(ratio * 100) / 100, color: style.color, background: `rgb(${background.slice(0, 3).map(Math.round).join(',')})` });
      }
    }
    if (minButtonPx > 0) {
      for (const button of roots.flatMap((root) => Array.from(root.querySelectorAll('.nut-button, [role="button"], [role="tab"], [role="switch"], .taro-model__btn')))) {
        if (!button.checkVisibility()) continue;
        const height = button.getBoundingClientRect().height;
        if (height > 0 && height + 0.5 < minButtonPx) audit.shortButtons.push({ text: label(button.textContent ?? ''), height: Math.round(height * 10) / 10 });
      }
    }
    return audit;
  }, limits);
}
