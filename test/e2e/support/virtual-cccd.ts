import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { generateCard, type GeneratedCard } from '../../fixtures/cccd/generate-card';
import { Pcscd, VirtualCccd } from '../../fixtures/cccd/vicc/virtual-card-peers';
import { bacKeyInput } from '../../../native/smartcard/mrz/index';
import { inputLabelled } from './labels';

/** A generated CCCD in vicc behind this test's own pcscd, and the CSCA folder it chains to. */
export interface InsertedCard {
  readonly generated: GeneratedCard;
  /** Pass as the shell's `card.trustDir` so the read is "trusted". */
  readonly trustDir: string;
  /** Removes the card and stops pcscd (only what was started). */
  stop(): Promise<void>;
  /** A reader outage: the card is pulled and pcscd stopped, keeping the machine's pcscd slot. */
  takeReaderDown(): Promise<void>;
  /** The reader returns: pcscd started again and the same card inserted. */
  bringReaderBack(): Promise<void>;
}

/** Generates a card, starts pcscd + vpcd and inserts the card in vicc. */
export async function insertVirtualCccd(): Promise<InsertedCard> {
  const trustDir = mkdtempSync(join(tmpdir(), 'cccd-trust-'));
  const generated = await generateCard({
    outDir: mkdtempSync(join(tmpdir(), 'cccd-files-')),
    trustDir,
  });
  const pcscd = new Pcscd();
  await pcscd.start();
  let card: VirtualCccd | undefined;
  try {
    card = new VirtualCccd(
      join(generated.files[0]!.path, '..'),
      bacKeyInput({
        documentNumber: generated.documentNumber,
        birthDate: generated.birthDate,
        expiryDate: generated.expiryDate,
      }),
    );
    await card.insert();
  } catch (error) {
    await pcscd.stop();
    throw error;
  }
  const inserted = card;
  return {
    generated,
    trustDir,
    stop: async () => {
      await inserted.remove();
      await pcscd.stop();
    },
    takeReaderDown: async () => {
      await inserted.remove();
      await pcscd.stop({ keepLock: true });
    },
    bringReaderBack: async () => {
      await pcscd.start();
      await inserted.insert();
    },
  };
}

/** Chooses MRZ access in the card panel and types the card's MRZ fields (vicc has no PACE). */
export async function fillMrz(
  page: Page,
  generated: GeneratedCard,
  birthDate = generated.birthDate,
): Promise<void> {
  // The citizen's card step words the same fields plainly (no "MRZ", no "YYMMDD").
  // Wait for whichever card step this page shows: reading the class before it renders picks the wrong labels.
  await page.locator('.kiosk-card, .card-read').first().waitFor();
  const kiosk = (await page.locator('.kiosk-card').count()) > 0;
  await inputLabelled(
    page,
    kiosk ? 'Nhập các số ở mặt sau thẻ' : 'Dòng mã MRZ ở mặt sau thẻ',
  ).check();
  await inputLabelled(
    page,
    kiosk ? 'Số thẻ: 9 số đứng sau chữ IDVNM, dòng đầu' : 'Số thẻ trong MRZ (9 ký tự)',
  ).fill(generated.documentNumber);
  await inputLabelled(
    page,
    kiosk ? 'Ngày sinh: 6 số, năm tháng ngày' : 'Ngày sinh trong MRZ (YYMMDD)',
  ).fill(birthDate);
  await inputLabelled(
    page,
    kiosk ? 'Ngày hết hạn: 6 số, năm tháng ngày' : 'Ngày hết hạn trong MRZ (YYMMDD)',
  ).fill(generated.expiryDate);
}
