import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTrustStore } from '../../../native/smartcard/passive-auth';
import { identityFromFiles } from '../../../electron/services/card/card-identity';
import { startCardPeer, type CardPeer } from './card-peer';

describe('passive and active authentication of a tampered, cloned chip', () => {
  let peer: CardPeer;
  beforeAll(async () => {
    peer = await startCardPeer({ tamper: ['dg13'], cloneAaKey: true });
  });
  afterAll(async () => {
    await (peer as CardPeer | undefined)?.close();
  });

  it('a tampered DG13 fails passive authentication', async () => {
    const read = await peer.read();
    const identity = identityFromFiles(read, await loadTrustStore(peer.trustDir));
    expect(identity.passive.status).toBe('untrusted');
    expect(identity.passive.hashesOk).toBe(false);
    expect(identity.passive.signatureOk).toBe(true);
    expect(identity.passive.failures.map((f) => f.code)).toContain('DG_HASH_MISMATCH');
  });

  it('a chip whose Active Authentication key is not the one in DG15 fails active authentication', async () => {
    const read = await peer.read(undefined, { activeAuth: true });
    const identity = identityFromFiles(read, await loadTrustStore(peer.trustDir));
    expect(identity.active?.ok).toBe(false);
    expect(identity.active?.vi).toContain('sao chép');
  });
});
