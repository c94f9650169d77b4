import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTrustStore } from '../../../native/smartcard/passive-auth';
import { CardReadResultSchema } from '../../../electron/api/contract/card';
import { identityFromFiles } from '../../../electron/services/card/card-identity';
import { createCardHandlers } from '../../../electron/services/card/card-handlers';
import { CardService } from '../../../electron/services/card/card-service';
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

  it('card.read carries the photo warning inside the API contract, in Vietnamese and English', async () => {
    const service = new CardService({
      bridge: peer.bridge,
      trustDir: peer.trustDir,
      events: { status: () => undefined, progress: () => undefined },
    });
    const access = peer.access;
    if (!('doc' in access)) throw new Error('unreachable');
    const result = CardReadResultSchema.parse(
      await createCardHandlers(service)['card.read'](
        { access: { doc: access.doc, dob: access.dob, expiry: access.expiry }, waitSeconds: 10 },
        { transport: 'local' },
      ),
    );
    expect(result.citizen.id).toBe(peer.generated.person.id);
    expect(result.photo).toBeNull();
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ code: 'PHOTO_UNREADABLE', file: 'DG2' });
    expect(result.warnings[0]?.vi).toMatch(/Không đọc được ảnh chân dung/);
    expect(result.passiveAuthentication.status).toBe('trusted');
  });
});
