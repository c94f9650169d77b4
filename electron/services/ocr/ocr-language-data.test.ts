import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveModelDir } from './ocr-language-data';

const root = mkdtempSync(join(tmpdir(), 'kiosk-model-dirs-'));
const withVie = join(root, 'vie-only');
const withBoth = join(root, 'vie-eng');
const missing = join(root, 'none');
mkdirSync(withVie);
mkdirSync(withBoth);
writeFileSync(join(withVie, 'vie.traineddata'), 'model');
writeFileSync(join(withBoth, 'vie.traineddata'), 'model');
writeFileSync(join(withBoth, 'eng.traineddata'), 'model');

describe('resolveModelDir (ocr.modelDir)', () => {
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('auto takes the first OS folder that holds every language asked for', () => {
    expect(resolveModelDir('auto', ['vie'], [missing, withVie, withBoth])).toBe(withVie);
    expect(resolveModelDir('auto', ['vie', 'eng'], [missing, withVie, withBoth])).toBe(withBoth);
  });

  it('auto falls back to the bundled models when no OS folder has them', () => {
    expect(resolveModelDir('auto', ['vie', 'eng'], [missing, withVie])).toBe('');
  });

  it("'bundled' and '' are the npm models; any other value is the folder itself", () => {
    expect(resolveModelDir('bundled', ['vie'], [withVie])).toBe('');
    expect(resolveModelDir('', ['vie'], [withVie])).toBe('');
    expect(resolveModelDir(missing, ['vie'], [withVie])).toBe(missing);
  });
});
