import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PcscBridge } from '../../../native/smartcard/pcsc/pcsc-bridge';
import { accessKeyOf, type AccessInput } from '../../../native/smartcard/reader/access-key';
import {
  readCccdFiles,
  type CccdFiles,
  type ReadCccdOptions,
} from '../../../native/smartcard/reader/read-cccd-files';
import { SYNTHETIC_ACCESS, writeMinimalCard } from '../../fixtures/cccd/vicc/minimal-card';
import { Pcscd, VirtualCccd } from '../../fixtures/cccd/vicc/virtual-card-peers';

/** The peers of one card test file: pcscd, the virtual CCCD, and our bridge. */
export interface CardPeer {
  readonly pcscd: Pcscd;
  readonly card: VirtualCccd;
  readonly bridge: PcscBridge;
  readonly files: Record<string, Uint8Array>;
  /** Pulls the card (if still there) and puts it back, waiting for the bridge to see both. */
  reinsert(): Promise<void>;
  read(access?: AccessInput, options?: Omit<ReadCccdOptions, 'access'>): Promise<CccdFiles>;
  close(): Promise<void>;
}

export async function startCardPeer(): Promise<CardPeer> {
  const dir = mkdtempSync(join(tmpdir(), 'cccd-files-'));
  const files = writeMinimalCard(dir);
  const key = accessKeyOf(SYNTHETIC_ACCESS);
  if (key.kind !== 'mrz') throw new Error('unreachable');
  const pcscd = new Pcscd();
  await pcscd.start();
  const card = new VirtualCccd(dir, key.mrzInformation);
  await card.insert();
  const bridge = new PcscBridge({ minBackoffMs: 100, maxBackoffMs: 1000 });
  bridge.start();
  return {
    pcscd,
    card,
    bridge,
    files,
    async reinsert() {
      await card.remove();
      const deadline = Date.now() + 10_000;
      while (bridge.readers().some((r) => r.cardPresent)) {
        if (Date.now() > deadline) throw new Error('the bridge still sees a card');
        await new Promise((r) => setTimeout(r, 50));
      }
      await card.insert();
      await bridge.waitForCard({ timeoutMs: 10_000 });
    },
    async read(access = SYNTHETIC_ACCESS, options = {}) {
      const state = await bridge.waitForCard({ timeoutMs: 10_000 });
      const session = await bridge.connect(state.name);
      try {
        return await readCccdFiles(session, { ...options, access: accessKeyOf(access) });
      } finally {
        await session.release();
      }
    },
    async close() {
      bridge.stop();
      await card.remove();
      await pcscd.stop();
    },
  };
}
