import { describe, expect, it } from 'vitest';
import { errorMessages } from './error-messages';

/** Process names, commands and paths: what a citizen cannot act on. */
const INTERNAL = /pcscd|kiosk doctor|sudo|systemctl|\/usr\/|\/etc\/|\/var\//i;

describe('error texts shown on the screen', () => {
  it('no text names a process, a command or a path, in either language', () => {
    for (const [code, text] of Object.entries(errorMessages)) {
      expect(text.vi, code).not.toMatch(INTERNAL);
      expect(text.en, code).not.toMatch(INTERNAL);
    }
  });

  it('a card service that is down sends the citizen to the counter and IT to Diagnostics', () => {
    const { vi, en } = errorMessages.CARD_PCSCD_DOWN;
    expect(vi).toContain('Mời Ông/Bà liên hệ cán bộ tại quầy');
    expect(vi).toContain('Chẩn đoán');
    expect(en).toContain('Diagnostics');
  });
});
