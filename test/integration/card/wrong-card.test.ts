import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PcscBridge } from '../../../native/smartcard/pcsc/pcsc-bridge';
import { CccdReader } from '../../../native/smartcard/reader/cccd-reader';
import { Pcscd, VirtualCccd } from '../../fixtures/cccd/vicc/virtual-card-peers';

const ACCESS = { doc: '185012345', dob: '850314', expiry: '250314' } as const;

describe('cards and readers that cannot be read', () => {
  const pcscd = new Pcscd();
  const card = new VirtualCccd(
    mkdtempSync(join(tmpdir(), 'not-cccd-')),
    '185012345985031492503147',
    {
      emrtd: false,
    },
  );
  const bridge = new PcscBridge({ minBackoffMs: 100, maxBackoffMs: 1000 });
  beforeAll(async () => {
    await pcscd.start();
    await card.insert();
    bridge.start();
    await bridge.waitForCard({ timeoutMs: 10_000 });
  });
  afterAll(async () => {
    bridge.stop();
    await card.remove();
    await pcscd.stop();
  });

  it('a smart card without the eMRTD application is reported as not an ID card', async () => {
    const attempt = new CccdReader(bridge).readIdentity({ access: ACCESS });
    await expect(attempt).rejects.toMatchObject({ code: 'NOT_AN_ID_CARD' });
    await expect(attempt).rejects.toThrow(/không phải thẻ CCCD gắn chip/);
  });

  it('a reader name that is not connected is reported as no reader', async () => {
    const attempt = new CccdReader(bridge).readIdentity({
      access: ACCESS,
      reader: 'ACS ACR122U 00 00',
    });
    await expect(attempt).rejects.toMatchObject({ code: 'NO_READER' });
  });

  it('a card held exclusively by another session is reported as in use', async () => {
    const first = await bridge.connect('Virtual PCD 00 00');
    try {
      const other = new PcscBridge();
      other.start();
      try {
        await other.waitForCard({ timeoutMs: 5000, reader: 'Virtual PCD 00 00' });
        await expect(other.connect('Virtual PCD 00 00')).rejects.toThrow(/chương trình khác/);
      } finally {
        other.stop();
      }
    } finally {
      await first.release();
    }
  });

  it('kiosk card read on an empty reader exits 3 with the Vietnamese "no card" message', () => {
    const run = spawnSync(
      process.execPath,
      [
        'electron/cli/kiosk.mjs',
        '--lang',
        'vi',
        'card',
        'read',
        '--can',
        '123456',
        '--reader',
        'Virtual PCD 00 01',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status, run.stderr).toBe(3);
    expect(run.stderr).toMatch(/Chưa có thẻ trên đầu đọc/);
  });

  it('an empty reader is reported as no card', async () => {
    const attempt = new CccdReader(bridge).readIdentity({
      access: ACCESS,
      reader: 'Virtual PCD 00 01',
    });
    await expect(attempt).rejects.toMatchObject({ code: 'NO_CARD' });
  });
});
