import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PcscBridge } from '../../../native/smartcard/pcsc/pcsc-bridge';
import { accessKeyOf, type AccessInput } from '../../../native/smartcard/reader/access-key';
import type { LdsFileName } from '../../../native/smartcard/reader/lds-files';
import {
  readCccdFiles,
  type CccdFiles,
  type ReadCccdOptions,
} from '../../../native/smartcard/reader/read-cccd-files';
import {
  generateCard,
  type GeneratedCard,
  type GenerateCardOptions,
} from '../../fixtures/cccd/generate-card';
import { Pcscd, VirtualCccd } from '../../fixtures/cccd/vicc/virtual-card-peers';

const NAMES: Readonly<Record<string, LdsFileName>> = {
  com: 'COM',
  dg1: 'DG1',
  dg2: 'DG2',
  dg13: 'DG13',
  dg14: 'DG14',
  dg15: 'DG15',
  sod: 'SOD',
};

/** The peers of one card test file: pcscd, a generated virtual CCCD, and our bridge. */
export interface CardPeer {
  readonly pcscd: Pcscd;
  readonly card: VirtualCccd;
  readonly bridge: PcscBridge;
  readonly generated: GeneratedCard;
  readonly trustDir: string;
  /** The bytes each file holds on the card. */
  readonly files: Partial<Record<LdsFileName, Uint8Array>>;
  readonly access: AccessInput;
  /** Pulls the card (if still there) and puts it back, waiting for the bridge to see both. */
  reinsert(): Promise<void>;
  read(access?: AccessInput, options?: Omit<ReadCccdOptions, 'access'>): Promise<CccdFiles>;
  close(): Promise<void>;
}

export async function startCardPeer(
  generate: Omit<GenerateCardOptions, 'outDir' | 'trustDir'> & {
    /** Give the chip an Active Authentication key other than DG15's (a clone). */
    readonly cloneAaKey?: boolean;
  } = {},
): Promise<CardPeer> {
  const outDir = mkdtempSync(join(tmpdir(), 'cccd-files-'));
  const trustDir = mkdtempSync(join(tmpdir(), 'cccd-trust-'));
  const { cloneAaKey, ...options } = generate;
  const generated = await generateCard({ ...options, outDir, trustDir });
  if (cloneAaKey === true) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(generated.aaPrivateKeyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  }
  const files: Partial<Record<LdsFileName, Uint8Array>> = {};
  for (const f of generated.files) {
    const name = NAMES[f.name];
    if (name !== undefined) files[name] = new Uint8Array(readFileSync(f.path));
  }
  const access: AccessInput = {
    doc: generated.documentNumber,
    dob: generated.birthDate,
    expiry: generated.expiryDate,
  };
  const key = accessKeyOf(access);
  if (key.kind !== 'mrz') throw new Error('unreachable');
  const pcscd = new Pcscd();
  await pcscd.start();
  const card = new VirtualCccd(outDir, key.mrzInformation);
  try {
    await card.insert();
  } catch (error) {
    await card.remove();
    await pcscd.stop();
    throw error;
  }
  const bridge = new PcscBridge({ minBackoffMs: 100, maxBackoffMs: 1000 });
  bridge.start();
  return {
    pcscd,
    card,
    bridge,
    generated,
    trustDir,
    files,
    access,
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
    async read(input = access, options = {}) {
      const state = await bridge.waitForCard({ timeoutMs: 10_000 });
      const session = await bridge.connect(state.name);
      try {
        return await readCccdFiles(session, { ...options, access: accessKeyOf(input) });
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
