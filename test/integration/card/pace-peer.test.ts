import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { identityFromFiles } from '../../../electron/services/card/card-identity';
import { encodeOid, encodeTlv } from '../../../native/smartcard/lds';
import { loadTrustStore } from '../../../native/smartcard/passive-auth';
import { PcscBridge } from '../../../native/smartcard/pcsc/pcsc-bridge';
import { accessKeyOf, type AccessInput } from '../../../native/smartcard/reader/access-key';
import { CccdReader } from '../../../native/smartcard/reader/cccd-reader';
import { paceRunner } from '../../../native/smartcard/reader/pace-runner';
import {
  readCccdFiles,
  type CccdFiles,
  type ReadCccdOptions,
} from '../../../native/smartcard/reader/read-cccd-files';
import { generateCard, type GeneratedCard } from '../../fixtures/cccd/generate-card';
import { Pcscd, VirtualCccd } from '../../fixtures/cccd/vicc/virtual-card-peers';

/**
 * PACE against a card-side peer we did not derive from our reader:
 * test/fixtures/cccd/vicc/pace_peer.py (checked against ICAO 9303-11 App. G.1
 * by its own self-test) in front of vsmartcard's ePassport on pcscd + vpcd.
 */
const GM_AES: Readonly<Record<number, string>> = {
  16: '0.4.0.127.0.7.2.2.4.2.2',
  24: '0.4.0.127.0.7.2.2.4.2.3',
  32: '0.4.0.127.0.7.2.2.4.2.4',
};
const CURVES: Readonly<Record<number, string>> = {
  8: 'P-192',
  9: 'brainpoolP192r1',
  10: 'P-224',
  11: 'brainpoolP224r1',
  12: 'P-256',
  13: 'brainpoolP256r1',
  14: 'brainpoolP320r1',
  15: 'P-384',
  16: 'brainpoolP384r1',
  17: 'brainpoolP512r1',
  18: 'P-521',
};

const int = (n: number): Uint8Array => encodeTlv(0x02, Uint8Array.of(n));

/** EF.CardAccess with one PACEInfo per [paramId, keyBytes] (version 2). */
function cardAccess(...infos: readonly (readonly [number, number])[]): Uint8Array {
  return encodeTlv(
    0x31,
    ...infos.map(([id, key]) =>
      encodeTlv(0x30, encodeTlv(0x06, encodeOid(GM_AES[key] ?? '')), int(2), int(id)),
    ),
  );
}

describe('PACE against the card-side PACE peer (pcscd + vpcd + vicc + pace_peer.py)', () => {
  const pcscd = new Pcscd();
  const bridge = new PcscBridge({ minBackoffMs: 100, maxBackoffMs: 1000 });
  let card: GeneratedCard;
  let fullDir: string;
  let smallDir: string;
  let trustDir: string;
  let mrzInformation: string;

  beforeAll(async () => {
    fullDir = mkdtempSync(join(tmpdir(), 'pace-card-'));
    trustDir = mkdtempSync(join(tmpdir(), 'pace-trust-'));
    card = await generateCard({ outDir: fullDir, trustDir });
    // The curve matrix needs only the identity files: no photo keeps each run short.
    smallDir = mkdtempSync(join(tmpdir(), 'pace-small-'));
    for (const f of card.files)
      if (['com', 'dg1', 'dg13', 'sod'].includes(f.name))
        copyFileSync(f.path, join(smallDir, basename(f.path)));
    const key = accessKeyOf(mrz());
    if (key.kind !== 'mrz') throw new Error('unreachable');
    mrzInformation = key.mrzInformation;
    await pcscd.start();
    bridge.start();
  });
  afterAll(async () => {
    bridge.stop();
    await pcscd.stop();
  });
  // Once in 20 runs the vpcd reader vanished mid-file ("No card reader found"); keep pcscd's words.
  afterEach((context) => {
    if (context.task.result?.state === 'fail') console.error(`pcscd's log:\n${pcscd.log}`);
  });

  const mrz = (): AccessInput => ({
    doc: card.documentNumber,
    dob: card.birthDate,
    expiry: card.expiryDate,
  });

  /** Inserts a PACE card serving `dir` with `access` as EF.CardAccess, reads it once, pulls it. */
  async function readWith(
    dir: string,
    access: Uint8Array,
    peerArgs: readonly string[],
    input: AccessInput,
    options: Omit<ReadCccdOptions, 'access'> | null = null,
  ): Promise<CccdFiles> {
    writeFileSync(join(dir, 'CardAccess.der'), access);
    const vicc = new VirtualCccd(dir, mrzInformation, { args: ['--can', card.can, ...peerArgs] });
    await vicc.insert();
    try {
      if (options === null)
        return await new CccdReader(bridge).readIdentity({ access: input, waitForCardMs: 10_000 });
      const state = await bridge.waitForCard({ timeoutMs: 10_000 });
      const session = await bridge.connect(state.name);
      try {
        return await readCccdFiles(session, {
          ...options,
          access: accessKeyOf(input),
          pace: paceRunner,
        });
      } finally {
        await session.release();
      }
    } finally {
      await vicc.remove();
      const deadline = Date.now() + 10_000;
      while (bridge.readers().some((r) => r.cardPresent) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('the peer itself reproduces ICAO 9303-11 Appendix G.1 (ECDH-GM, brainpoolP256r1) value for value', () => {
    const peer = fileURLToPath(
      new URL('../../fixtures/cccd/vicc/pace_peer_selftest.py', import.meta.url),
    );
    const run = spawnSync('/usr/bin/python3', [peer], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/G\.1 matches/);
  });

  it('PACE-CAN on the CCCD profile (ECDH-GM, brainpoolP256r1, AES-128) reads the citizen and passive authentication trusts it', async () => {
    const read = await readWith(fullDir, cardAccess([13, 16]), ['--pace', '13:16'], {
      can: card.can,
    });
    expect(read.accessProtocol).toBe('PACE');
    const identity = identityFromFiles(read, await loadTrustStore(trustDir));
    expect(identity.citizen.id).toBe(card.person.id);
    expect(identity.citizen.fullName).toBe(card.person.fullName.normalize('NFC'));
    expect(identity.passive.status).toBe('trusted');
    expect(identity.photo?.mimeType).toBe('image/jpeg');
    expect(identity.warnings).toEqual([]);
  });

  it('read-ahead (a whole chunk in the first READ) gets the same files in fewer APDUs from a chip that MACs 6282', async () => {
    const ca = cardAccess([13, 16]);
    const plain = await readWith(fullDir, ca, ['--pace', '13:16'], { can: card.can }, {});
    const ahead = await readWith(
      fullDir,
      ca,
      ['--pace', '13:16'],
      { can: card.can },
      { readAhead: true },
    );
    expect(ahead.accessProtocol).toBe('PACE');
    expect(ahead.files).toEqual(plain.files);
    expect(ahead.unreadable).toBeUndefined();
    expect(ahead.counters.apdus).toBeLessThan(plain.counters.apdus);
  });

  it('PACE-MRZ opens the same card by PACE, not BAC', async () => {
    const read = await readWith(smallDir, cardAccess([13, 16]), ['--pace', '13:16'], mrz());
    expect(read.accessProtocol).toBe('PACE');
    expect(read.files.DG13).toBeDefined();
  });

  it.each(Object.entries(CURVES).map(([id, name]) => [Number(id), name] as const))(
    'PACE-CAN with ECDH generic mapping on curve %i (%s) reads DG1 and DG13',
    async (id) => {
      const read = await readWith(smallDir, cardAccess([id, 16]), ['--pace', `${String(id)}:16`], {
        can: card.can,
      });
      expect(read.accessProtocol).toBe('PACE');
      expect(read.files.DG1?.length).toBeGreaterThan(90);
      expect(read.files.DG13).toBeDefined();
    },
  );

  it.each([
    [16, 24],
    [17, 32],
    [18, 32],
  ] as const)('PACE-CAN on curve %i with %i-byte AES session keys', async (id, keyBytes) => {
    const read = await readWith(
      smallDir,
      cardAccess([id, keyBytes]),
      ['--pace', `${String(id)}:${String(keyBytes)}`],
      { can: card.can },
    );
    expect(read.accessProtocol).toBe('PACE');
    expect(read.files.DG13).toBeDefined();
  });

  it('MSE:Set AT names the parameters (tag 84) when EF.CardAccess offers several PACEInfos, and the chip accepts it', async () => {
    const read = await readWith(
      smallDir,
      cardAccess([13, 16], [12, 16]),
      ['--pace', '13:16', '--pace-require-84'],
      { can: card.can },
    );
    expect(read.accessProtocol).toBe('PACE');
  });

  it('a chip that refuses MSE:Set AT without tag 84 despite a single PACEInfo is asked again with it', async () => {
    const read = await readWith(
      smallDir,
      cardAccess([13, 16]),
      ['--pace', '13:16', '--pace-require-84'],
      { can: card.can },
    );
    expect(read.accessProtocol).toBe('PACE');
  });

  it('a chip that refuses PACE at MSE:Set AT is opened by BAC with the MRZ', async () => {
    const read = await readWith(
      smallDir,
      cardAccess([13, 16]),
      ['--pace', '13:16', '--pace-refuse'],
      mrz(),
    );
    expect(read.accessProtocol).toBe('BAC');
    expect(read.files.DG13).toBeDefined();
  });

  it('a wrong CAN is refused by the chip at the token exchange as a wrong password', async () => {
    const wrong = card.can === '000000' ? '000001' : '000000';
    await expect(
      readWith(smallDir, cardAccess([13, 16]), ['--pace', '13:16'], { can: wrong }),
    ).rejects.toMatchObject({ code: 'PACE_WRONG_PASSWORD' });
  });
});
