import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CardReadResultSchema,
  CardStatusSchema,
  cardEvents,
} from '../../../electron/api/contract/card';
import { createCardHandlers } from '../../../electron/services/card/card-handlers';
import { EventHub } from '../../../electron/api/event-hub';
import { CardService, cardEventsOn } from '../../../electron/services/card/card-service';
import type { ReadProgress } from '../../../native/smartcard/reader/read-cccd-files';
import { startCardPeer, type CardPeer } from './card-peer';

describe('card.* API handlers against the virtual CCCD', () => {
  let peer: CardPeer;
  let service: CardService;
  const progress: ReadProgress[] = [];
  const statuses: unknown[] = [];
  beforeAll(async () => {
    peer = await startCardPeer();
    const hub = new EventHub();
    hub.subscribe((name, payload) => {
      if (name === 'card.progress') progress.push(cardEvents['card.progress'].parse(payload));
      if (name === 'card.status') statuses.push(CardStatusSchema.parse(payload));
    });
    service = new CardService({
      bridge: peer.bridge,
      trustDir: peer.trustDir,
      events: cardEventsOn(hub),
    });
    service.start();
  });
  afterAll(async () => {
    (service as CardService | undefined)?.stop();
    await (peer as CardPeer | undefined)?.close();
  });

  it('card.read returns the citizen with diacritics, a JPEG data URL and a trusted verdict inside the contract', async () => {
    const handlers = createCardHandlers(service);
    const access = peer.access;
    if (!('doc' in access)) throw new Error('unreachable');
    const result = CardReadResultSchema.parse(
      await handlers['card.read'](
        { access: { doc: access.doc, dob: access.dob, expiry: access.expiry }, waitSeconds: 10 },
        { transport: 'local' },
      ),
    );
    expect(result.citizen.fullName).toBe(peer.generated.person.fullName.normalize('NFC'));
    expect(result.citizen.id).toBe(peer.generated.person.id);
    expect(result.passiveAuthentication.status).toBe('trusted');
    expect(result.activeAuthentication?.ok).toBe(true);
    expect(result.photo?.dataUrl.startsWith('data:image/jpeg;base64,/9j/')).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(progress.some((p) => p.file === 'DG2' && p.done === p.total)).toBe(true);
    CardStatusSchema.parse(handlers['card.readers']({}, { transport: 'local' }));
  });

  it('card.read with wrong MRZ data answers CARD_ACCESS_DENIED', async () => {
    const handlers = createCardHandlers(service);
    const access = peer.access;
    if (!('doc' in access)) throw new Error('unreachable');
    const wrongDob = access.dob === '850314' ? '850315' : '850314';
    await expect(
      handlers['card.read'](
        { access: { doc: access.doc, dob: wrongDob, expiry: access.expiry }, waitSeconds: 10 },
        { transport: 'local' },
      ),
    ).rejects.toMatchObject({ code: 'CARD_ACCESS_DENIED' });
  });
});
