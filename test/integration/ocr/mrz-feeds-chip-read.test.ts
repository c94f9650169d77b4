import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MrzReader } from '../../../electron/services/ocr/mrz/mrz-reader';
import { parseDg13 } from '../../../native/smartcard/lds/dg13';
import { renderCardBack } from '../../fixtures/ocr/card-back';
import { startCardPeer, type CardPeer } from '../card/card-peer';

let peer: CardPeer;
let reader: MrzReader;

beforeAll(async () => {
  peer = await startCardPeer();
  reader = new MrzReader();
}, 180_000);

afterAll(async () => {
  await reader.close();
  await peer.close();
});

describe('the card-back MRZ feeds the chip read', () => {
  it('OCR of a noisy, slightly rotated card back gives the BAC key that opens the virtual CCCD', async () => {
    const image = await renderCardBack(peer.generated.mrz, {
      noisy: true,
      rotateDegrees: 1,
      seed: 7,
    });
    const reading = await reader.read(image);
    expect(reading.mrz.documentNumber).toBe(peer.generated.documentNumber);

    const files = await peer.read({
      doc: reading.mrz.documentNumber,
      dob: reading.mrz.birthDate,
      expiry: reading.mrz.expiryDate,
    });
    expect(files.accessProtocol).toBe('BAC');
    const citizen = parseDg13(files.files.DG13!);
    expect(citizen.id).toBe(peer.generated.person.id);
    expect(citizen.fullName).toBe(peer.generated.person.fullName);
  });
});
