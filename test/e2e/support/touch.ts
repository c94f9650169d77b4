import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

const TONE_OF: Readonly<Record<string, string>> = {
  '\u0301': 'tone-sac',
  '\u0300': 'tone-huyen',
  '\u0309': 'tone-hoi',
  '\u0303': 'tone-nga',
  '\u0323': 'tone-nang',
};
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * Types `text` on the kiosk's on-screen keyboard by tapping its keys, as a
 * citizen would: the letters of each word (â, ơ, đ… are keys), then the
 * word's tone, capitals with "Chữ hoa". Never the physical keyboard.
 */
export async function tapText(keyboard: Locator, text: string): Promise<void> {
  for (const [w, word] of text.split(' ').entries()) {
    if (w > 0) await keyboard.locator('[data-key="space"]').tap();
    const tone = Array.from(word.normalize('NFD')).find((c) => TONE_OF[c] !== undefined);
    for (const ch of Array.from(word.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC'))) {
      const lower = ch.toLowerCase();
      const shift = keyboard.locator('[data-key="shift"]');
      // A keyboard with "Chữ hoa" has lower-case keys; the dossier-code keypad has capitals only.
      const hasShift = (await shift.count()) > 0;
      if (hasShift) {
        const on = (await shift.getAttribute('aria-pressed')) === 'true';
        const wantsCapital = ch !== lower;
        if (on !== wantsCapital) await shift.tap();
      }
      await keyboard.locator(`[data-key="${hasShift ? lower : ch}"]`).tap();
    }
    if (tone !== undefined) await keyboard.locator(`[data-key="${TONE_OF[tone] ?? ''}"]`).tap();
  }
}

/** Text ≥ minText px everywhere on screen, headings ≥ minHeading px, targets ≥ 48×48 px. */
export async function expectTouchSizes(page: Page, minText: number, minHeading: number) {
  const sizes = await page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 2 && r.height > 2 && style.visibility !== 'hidden';
    };
    const texts: { text: string; px: number }[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const own = Array.from(el.childNodes).some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
      );
      if (!own || !visible(el) || el.closest('.visually-hidden')) continue;
      texts.push({
        text: el.textContent.trim().slice(0, 40),
        px: parseFloat(getComputedStyle(el).fontSize),
      });
    }
    const headings = Array.from(document.querySelectorAll('h1, h2'))
      .filter(visible)
      .map((h) => ({
        text: h.textContent.slice(0, 40),
        px: parseFloat(getComputedStyle(h).fontSize),
      }));
    const targets = Array.from(
      document.querySelectorAll(
        'button, a[href], input:not([type="radio"]), select, label.choice-row',
      ),
    )
      .filter(visible)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return {
          text: (el.textContent || (el.getAttribute('name') ?? '')).trim().slice(0, 30),
          w: r.width,
          h: r.height,
        };
      });
    return { texts, headings, targets };
  });
  const smallText = sizes.texts.filter((t) => t.px < minText);
  const smallHeadings = sizes.headings.filter((h) => h.px < minHeading);
  const smallTargets = sizes.targets.filter((t) => t.w < 48 || t.h < 48);
  expect(smallText, 'text under the minimum').toEqual([]);
  expect(smallHeadings, 'headings under the minimum').toEqual([]);
  expect(smallTargets, 'targets under 48×48 px').toEqual([]);
  return {
    minText: Math.min(...sizes.texts.map((t) => t.px)),
    minTarget: Math.min(...sizes.targets.map((t) => Math.min(t.w, t.h))),
  };
}
