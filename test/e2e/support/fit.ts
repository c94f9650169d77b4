import type { Page } from 'playwright-core';

export interface FitReport {
  /** document width beyond the viewport (0: no horizontal scroll). */
  readonly overflowX: number;
  /** Visible elements with own text whose box leaves the viewport sideways. */
  readonly outside: readonly string[];
  /** Elements whose content is wider or taller than their clipping box (text cut off). */
  readonly clipped: readonly string[];
  /** Pairs of text or target boxes that cover each other (neither inside the other). */
  readonly overlapping: readonly string[];
  readonly smallText: readonly string[];
  readonly smallTargets: readonly string[];
  readonly minText: number;
  readonly minTarget: number;
  /** Width of the widest block of the screen's main content, over the viewport width. */
  readonly usedWidth: number;
}

/**
 * Measures one screen as a citizen sees it: nothing outside the viewport
 * sideways, nothing cut off, no text or button on top of another, every text
 * ≥ minText px and every target ≥ minTarget px on both sides. Vertical
 * scrolling is allowed: a long screen scrolls, it does not hide.
 */
export async function measureFit(
  page: Page,
  minText: number,
  minTarget: number,
): Promise<FitReport> {
  return page.evaluate(
    ({ minText, minTarget }) => {
      const vw = document.documentElement.clientWidth;
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0] ?? ''}` : ''} "${(el.textContent || '').trim().slice(0, 30)}"`;
      const shown = (el: Element) => {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return (
          r.width > 2 &&
          r.height > 2 &&
          style.visibility !== 'hidden' &&
          el.closest('.visually-hidden') === null
        );
      };
      const all = Array.from(document.querySelectorAll('body *')).filter(shown);
      const texts = all.filter((el) =>
        Array.from(el.childNodes).some(
          (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
        ),
      );
      const targets = all.filter((el) =>
        el.matches('button, a[href], input:not([type="radio"]), select, label.choice-row'),
      );
      const outside = texts
        .concat(targets)
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.left < -1 || r.right > vw + 1;
        })
        .map(name);
      const clipped = all
        .filter((el) => {
          const style = getComputedStyle(el);
          const clips = /hidden|clip/.test(style.overflowX + style.overflowY);
          return (
            clips &&
            !el.matches('iframe, img, svg') &&
            (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
          );
        })
        .map(name);
      // Boxes that should never cover each other: each text and each target against the others.
      const boxes = Array.from(new Set(texts.concat(targets)));
      const overlapping: string[] = [];
      for (let i = 0; i < boxes.length; i += 1) {
        const a = boxes[i];
        if (!a) continue;
        const ra = a.getBoundingClientRect();
        for (let j = i + 1; j < boxes.length; j += 1) {
          const b = boxes[j];
          if (!b || a.contains(b) || b.contains(a)) continue;
          const rb = b.getBoundingClientRect();
          const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
          const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
          if (w > 2 && h > 2) overlapping.push(`${name(a)} × ${name(b)}`);
        }
      }
      const textPx = texts.map((el) => ({
        el,
        px: parseFloat(getComputedStyle(el).fontSize),
      }));
      const targetPx = targets.map((el) => {
        const r = el.getBoundingClientRect();
        return { el, px: Math.min(r.width, r.height) };
      });
      const main = document.querySelector('main');
      const widest = main
        ? Math.max(
            ...Array.from(main.querySelectorAll('*'))
              .filter(shown)
              .map((el) => el.getBoundingClientRect().width),
          )
        : 0;
      return {
        overflowX: Math.max(0, document.documentElement.scrollWidth - vw),
        outside,
        clipped,
        overlapping,
        smallText: textPx.filter((t) => t.px < minText).map((t) => `${name(t.el)} ${t.px}px`),
        smallTargets: targetPx
          .filter((t) => t.px < minTarget)
          .map((t) => `${name(t.el)} ${Math.round(t.px)}px`),
        minText: Math.min(...textPx.map((t) => t.px)),
        minTarget: Math.min(...targetPx.map((t) => t.px)),
        usedWidth: widest / vw,
      };
    },
    { minText, minTarget },
  );
}
