import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTrustStore } from '../../../native/smartcard/passive-auth';
import { identityFromFiles } from '../../../electron/services/card/card-identity';
import { startCardPeer, type CardPeer } from './card-peer';

describe('a virtual CCCD whose DG2 declares more bytes than it holds (pcscd + vpcd + vicc)', () => {
  let peer: CardPeer;
  beforeAll(async () => {
    peer = await startCardPeer({ damage: ['dg2-length'] });
  });
  afterAll(async () => {
    await (peer as CardPeer | undefined)?.close();
  });

  it('the read gives the DG13 citizen with a photo-unreadable warning, and every hash is judged trusted', async () => {
    const read = await peer.read(undefined, { activeAuth: true });
    const identity = identityFromFiles(read, await loadTrustStore(peer.trustDir));
    expect(identity.citizen.id).toBe(peer.generated.person.id);
    expect(identity.citizen.fullName).toBe('Nguyễn Thị Mai');
    expect(identity.photo).toBeNull();
    expect(identity.warnings.map((w) => w.code)).toEqual(['PHOTO_UNREADABLE']);
    expect(identity.passive.status).toBe('trusted');
    expect(identity.files).toContain('DG2');
    expect(identity.active?.ok).toBe(true);
  });
});
