import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleDossier } from '../../test/fixtures/store/sample-dossier';
import { loadConfig } from './config/config-file';
import { openKioskStore } from './kiosk-store';

const AGENCY = '000.00.01.H22';
const dirs: string[] = [];
/** A data folder whose config.json names the agency and, when given, this machine's code block. */
function kioskFolder(codeBlock?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-store-'));
  dirs.push(dir);
  const agency = { code: AGENCY, name: 'UBND xã thử', ...(codeBlock ? { codeBlock } : {}) };
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ agency }));
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const receivedAt = Date.UTC(2026, 11, 7, 2, 0, 0);
function firstCodes(dir: string, env: NodeJS.ProcessEnv, count: number): string[] {
  const store = openKioskStore(dir, loadConfig(dir).config, env);
  try {
    return Array.from(
      { length: count },
      (_, i) => store.save(sampleDossier(`d${i}`, { attachments: 0, receivedAt }), 'c').code,
    );
  } finally {
    store.close();
  }
}

describe('the kiosk opens its data folder with its share of the dossier numbers', () => {
  it('two kiosks of one agency configured 0/2 and 1/2 issue different codes offline', () => {
    const a = firstCodes(kioskFolder('0/2'), {}, 3);
    const b = firstCodes(kioskFolder('1/2'), {}, 3);
    expect(a).toEqual(['0001', '0003', '0005'].map((n) => `${AGENCY}-261207-${n}`));
    expect(b).toEqual(['0002', '0004', '0006'].map((n) => `${AGENCY}-261207-${n}`));
  });

  it('KIOSK_CODE_BLOCK and KIOSK_AGENCY_CODE override the config, as for every kiosk command', () => {
    const codes = firstCodes(
      kioskFolder('0/2'),
      { KIOSK_CODE_BLOCK: '1/4@5000-9999', KIOSK_AGENCY_CODE: '000.00.53.H48' },
      2,
    );
    expect(codes).toEqual(['000.00.53.H48-261207-5001', '000.00.53.H48-261207-5005']);
  });

  it('a config without a code block is one kiosk alone; a malformed one is refused by name', () => {
    expect(firstCodes(kioskFolder(), {}, 2)).toEqual([
      `${AGENCY}-261207-0001`,
      `${AGENCY}-261207-0002`,
    ]);
    const dir = kioskFolder();
    expect(() => firstCodes(dir, { KIOSK_CODE_BLOCK: '2/2' }, 1)).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    expect(() => firstCodes(dir, { KIOSK_CODE_BLOCK: '2/2' }, 1)).toThrow(/"2\/2"/);
  });
});
