import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskMigrations } from '../../electron/services/kiosk-migrations';
import { DossierStore } from '../../electron/services/store/dossier-store';
import { sampleDossier } from '../fixtures/store/sample-dossier';
import {
  PIN,
  SOFTHSM_MODULE,
  makeNssDb,
  makePki,
  makeToken,
  pdfsig,
  type SoftToken,
} from '../integration/signing/signing-peers';
import { createSaneTestEnv, type SaneTestEnv } from '../integration/scan/sane-test-env';
import { simFetch, simFile, simGet, startSim, type SimProcess } from '../integration/sync/peers';
import { axeScreen } from './support/axe';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { keyBurst } from './support/key-burst';
import { startShellProcess, type ShellProcess } from './support/shell-process';
import { addStaff, CLERK, signInWithPassword } from './support/staff';
import { fillMrz, insertVirtualCccd, type InsertedCard } from './support/virtual-cccd';

/**
 * Issue 17 item 1 in Chromium through the browser shell, against real
 * peers: pcscd + vicc holding the applicant's generated CCCD, a SoftHSM2
 * token as the agency's signing token, and the portal simulator. Two
 * dossiers are saved in the real store and synced; the portal finishes one
 * (9) and keeps the other processing (4). The clerk finds the unfinished
 * one and is refused with the reason; scans the finished one's receipt QR,
 * reads the applicant's card, scans the result on SANE's test feeder, is refused a wrong
 * PIN in Vietnamese, returns with the right one and gets the slip. The
 * simulator ends at 10 with NgayTra and a result pdfsig finds valid. Then
 * a third dossier refuses the card of someone who is not its applicant and
 * takes the same person as an authorised receiver with a letter; last, with
 * the simulator stopped, a result held in hand goes only after the clerk
 * confirms it.
 */
interface HeldDossier {
  MaHoSo?: string;
  TrangThaiHoSo?: string;
  NgayTra?: string;
  DanhSachGiayToKetQua?: { DuongDanTepTinKetQua: string; TenGiayTo: string }[];
}

let browser: Browser | undefined;
let shell: ShellProcess | undefined;
let sim: SimProcess | undefined;
let sane: SaneTestEnv | undefined;
let inserted: InsertedCard | undefined;
let token: SoftToken | undefined;
let page: Page;
let nss = '';
let readyCode = '';
let busyCode = '';
let otherCode = '';
let cardCode = '';
let shot = 0;
const work = mkdtempSync(join(tmpdir(), 'kiosk-e2e-return-'));
const resultPdf = join(work, 'ket-qua-khai-sinh.pdf');

async function screenshot(name: string): Promise<void> {
  shot += 1;
  await page.screenshot({ path: `${SCREENSHOTS}/return-${shot}-${name}.png`, fullPage: true });
}

async function held(code: string): Promise<HeldDossier | undefined> {
  if (!sim) throw new Error('no simulator');
  const { dossiers } = await simGet<{ dossiers: HeldDossier[] }>(`${sim.url}/__sim/dossiers`);
  return dossiers.find((d) => d.MaHoSo === code);
}

async function until(what: string, probe: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function setSimStatus(code: string, status: string): Promise<void> {
  if (!sim) throw new Error('no simulator');
  const res = await simFetch(`${sim.url}/__sim/status?mahoso=${code}&status=${status}`, {
    method: 'POST',
  });
  expect(res.status).toBe(200);
}

async function readCard(): Promise<void> {
  if (!inserted) throw new Error('no card');
  await fillMrz(page, inserted.generated);
  await page.getByRole('button', { name: 'Đọc thẻ' }).click();
  await page
    .locator('.card-name')
    .filter({ hasText: inserted.generated.person.fullName })
    .waitFor({ timeout: 90_000 });
}

async function find(code: string): Promise<void> {
  await page.getByLabel('Mã hồ sơ hoặc nội dung mã QR').fill(code);
  await page.getByRole('button', { name: 'Tìm hồ sơ' }).click();
}

beforeAll(async () => {
  inserted = await insertVirtualCccd();
  const { generated, trustDir } = inserted;
  const pki = makePki();
  token = makeToken(pki.signer);
  nss = makeNssDb(pki.root);
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Giay khai sinh - ban chinh', { x: 72, y: 760, font, size: 18 });
  writeFileSync(resultPdf, await doc.save());
  sane = createSaneTestEnv();
  // A grid rather than the default solid black, so the pages look like paper to the pipeline.
  writeFileSync(join(sane.dir, 'test.conf'), 'number_of_devices 2\ntest-picture "Grid"\n');
  sim = await startSim(['--port', '0', '--memory']);
  shell = await startShellProcess(
    {
      mode: 'staff',
      idleTimeoutSeconds: 600,
      card: { trustDir },
      signing: { pkcs11Module: SOFTHSM_MODULE, tokenLabel: token.label, chainFile: pki.chainFile },
    },
    {
      SANE_CONFIG_DIR: sane.dir,
      KIOSK_PORTAL_URL: sim.url,
      KIOSK_PORTAL_PASSWORD: 'kiosk-training',
      SOFTHSM2_CONF: token.env.SOFTHSM2_CONF,
    },
    (dataDir) => {
      addStaff(dataDir, CLERK);
      const store = DossierStore.open({
        dataDir,
        agencyCode: '000.00.00.H00',
        migrations: kioskMigrations,
      });
      try {
        const base = sampleDossier('return-ready', { attachments: 1, receivedAt: Date.now() });
        // The applicant is the person on the virtual card, so the chip read matches.
        readyCode = store.save(
          {
            ...base,
            applicant: {
              kind: '1',
              name: generated.person.fullName,
              idNumber: generated.person.id,
              email: '',
              phone: '0912345678',
              source: 'chip',
            },
          },
          'seed',
        ).code;
        // A second dossier of the card holder, still open: reading the card lists it (and not readyCode once returned).
        const second = sampleDossier('return-by-card', { attachments: 1, receivedAt: Date.now() });
        cardCode = store.save(
          {
            ...second,
            applicant: {
              kind: '1',
              name: generated.person.fullName,
              idNumber: generated.person.id,
              email: '',
              phone: '0912345678',
              source: 'chip',
            },
          },
          'seed',
        ).code;
        busyCode = store.save(
          sampleDossier('return-busy', { attachments: 1, receivedAt: Date.now() }),
          'seed',
        ).code;
        // Another citizen's dossier: the card in the reader is not its applicant.
        otherCode = store.save(
          sampleDossier('return-other', { attachments: 1, receivedAt: Date.now() }),
          'seed',
        ).code;
      } finally {
        store.close();
      }
    },
  );
  // The kiosk syncs both creates on its own; the portal then moves them on.
  await until('both creates to reach the portal', async () => {
    for (const code of [readyCode, busyCode, otherCode, cardCode])
      if ((await held(code)) === undefined) return false;
    return true;
  });
  await setSimStatus(readyCode, '9');
  await setSimStatus(otherCode, '9');
  await setSimStatus(cardCode, '9');
  await setSimStatus(busyCode, '4');
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1000 },
    acceptDownloads: true,
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  page = await context.newPage();
  await page.goto(shell.url);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  await sim?.stop();
  await inserted?.stop();
  sane?.dispose();
  token?.remove();
  rmSync(work, { recursive: true, force: true });
});

describe('a clerk returns a result at the counter (browser shell, real peers)', () => {
  it('opens the return screen from the staff start', async () => {
    await signInWithPassword(page, CLERK);
    await page.getByRole('button', { name: /Trả kết quả/ }).click();
    await page.getByRole('heading', { name: 'Trả kết quả hồ sơ' }).waitFor();
    await screenshot('start');
  });

  it('a dossier the portal is still processing is shown not ready, with the reason, and offers no hand-over', async () => {
    await find(busyCode);
    const verdict = page.locator('.return-verdict[data-verdict="not-ready"]');
    await verdict.waitFor({ timeout: 30_000 });
    await expect(verdict.innerText()).resolves.toContain('Đang xử lý');
    await expect(verdict.innerText()).resolves.toContain('Chưa có kết quả theo Cổng');
    await expect(page.locator('.return-submit').count()).resolves.toBe(0);
    await screenshot('not-ready');
  });

  it('the receipt QR scanned anywhere finds the finished dossier and says it is ready, showing only its code', async () => {
    // Out of any field, as a clerk scans while looking at the citizen.
    await page.getByRole('heading', { name: 'Trả kết quả hồ sơ' }).click();
    // The receipt's v1 QR (api/contract/document-qr.ts) written out by hand; the field then
    // shows the dossier code alone, never the ID number the QR also carries.
    await keyBurst(
      page,
      `MC1*01*${readyCode}*1.001193*${inserted?.generated.person.id ?? ''}*KMC*202612051015*202612091700`,
      5,
    );
    await page.locator('.return-verdict[data-verdict="ready"]').waitFor({ timeout: 30_000 });
    await expect(page.getByLabel('Mã hồ sơ hoặc nội dung mã QR').inputValue()).resolves.toBe(
      readyCode,
    );
    await expect(page.locator('.return-check h2').innerText()).resolves.toContain(readyCode);
    await expect(page.locator('.return-submit').innerText()).resolves.toContain(
      'Đọc thẻ Căn cước của người nhận',
    );
    await screenshot('ready');
  });

  it("reads the applicant's chip and scans the result on SANE's test feeder", async () => {
    await readCard();
    await expect
      .poll(() => page.locator('[name="scanner"]').inputValue(), { timeout: 30_000 })
      .toBe('sane:test:0');
    await page.getByLabel('Số trang tối đa (để trống: hết giấy)').fill('2');
    await page.getByRole('button', { name: 'Quét kết quả' }).click();
    const scanned = page.locator('[data-result-file="scan"]');
    await scanned.waitFor({ timeout: 90_000 });
    await expect(scanned.innerText()).resolves.toContain('Bản quét (2 trang');
    await page.locator('input[name="result-name-0"]').fill('Giấy khai sinh');
    await expect(page.locator('.missing').getAttribute('data-missing')).resolves.toBe('needPin');
    await screenshot('receiver-and-result');
    const count = await axeScreen(page, 'return-form');
    expect(count.blocking).toEqual([]);
  });

  it('a wrong PIN is refused in Vietnamese, the PIN field is emptied and nothing is returned', async () => {
    await page.getByLabel('Mã PIN thiết bị ký số').fill('000000');
    await page.getByRole('button', { name: 'Trả kết quả', exact: true }).click();
    const alert = page.locator('.return-submit [role="alert"]');
    await alert.waitFor({ timeout: 60_000 });
    await expect(alert.innerText()).resolves.toContain('Mã PIN không đúng');
    await expect(page.getByLabel('Mã PIN thiết bị ký số').inputValue()).resolves.toBe('');
    // What was entered is kept: only the PIN is asked again.
    await expect(page.locator('.missing').getAttribute('data-missing')).resolves.toBe('needPin');
    await screenshot('wrong-pin');
    expect((await held(readyCode))?.TrangThaiHoSo).toBe('9');
  });

  it('with the right PIN the result is signed and returned, and the slip can be downloaded', async () => {
    await page.getByLabel('Mã PIN thiết bị ký số').fill(PIN);
    await page.getByRole('button', { name: 'Trả kết quả', exact: true }).click();
    const done = page.locator(`[data-returned="${readyCode}"]`);
    await done.waitFor({ timeout: 90_000 });
    await expect(done.innerText()).resolves.toBe(`Đã trả kết quả hồ sơ ${readyCode}.`);
    await expect(page.locator('[data-signed]').getAttribute('data-signed')).resolves.toBe('true');
    await screenshot('returned');
    // Downloaded before axe runs: axe's pass through the PDF frame leaves the link inert (Chromium 156).
    const link = page.getByRole('link', { name: 'Tải phiếu trả kết quả (PDF)' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const slip = join(work, download.suggestedFilename());
    await download.saveAs(slip);
    expect(download.suggestedFilename()).toBe(`phieu-tra-ket-qua-${readyCode}.pdf`);
    // Kept for a person to look at, as kiosk-flow keeps its receipt.
    copyFileSync(slip, 'test-results/return-slip.pdf');
    const text = execFileSync('pdftotext', ['-layout', slip, '-'], { encoding: 'utf8' });
    expect(text).toContain(readyCode);
    const count = await axeScreen(page, 'return-slip');
    expect(count.blocking).toEqual([]);
  });

  it('the portal ends at "Đã trả kết quả" with NgayTra and a result pdfsig finds valid and whole', async () => {
    await until('the return to reach the portal', async () => {
      return (await held(readyCode))?.TrangThaiHoSo === '10';
    });
    const dossier = await held(readyCode);
    expect(dossier?.NgayTra).toMatch(/^\d{14}$/);
    const links = dossier?.DanhSachGiayToKetQua ?? [];
    expect(links.map((l) => l.TenGiayTo)).toEqual(['Giấy khai sinh']);
    const res = await simFile(links[0]!.DuongDanTepTinKetQua);
    expect(res.status).toBe(200);
    const file = join(work, 'fetched-result.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const report = pdfsig(file, nss);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
    // The scan's two pages, built by the core into one PDF (the test feeder's grid carries no words to OCR).
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+2/);
  });

  it('the same dossier found again is shown as already returned', async () => {
    await page.getByRole('button', { name: 'Trả hồ sơ khác' }).click();
    await find(readyCode);
    const verdict = page.locator('.return-verdict[data-verdict="returned"]');
    await verdict.waitFor({ timeout: 30_000 });
    await expect(verdict.innerText()).resolves.toContain('đã được trả kết quả');
    await screenshot('already-returned');
  });

  it('the status lookup then tells the citizen the result was handed over', async () => {
    // Hash navigation keeps the signed-in page (a reload would spend the one-time launch code).
    await page.evaluate(() => {
      window.location.hash = '#/lookup';
    });
    await page
      .getByLabel('Nhập mã hồ sơ hoặc quét mã QR trên giấy hẹn', { exact: true })
      .fill(readyCode);
    await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await page.locator('.lookup-result[data-status="10"]').waitFor({ timeout: 30_000 });
    // The day is the return's NgayTra as Vietnam's calendar has it (UTC+7), read back from the portal.
    const ngayTra = (await held(readyCode))?.NgayTra ?? '';
    const day = `${ngayTra.slice(6, 8)}/${ngayTra.slice(4, 6)}/${ngayTra.slice(0, 4)}`;
    expect(day).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await expect(page.locator('.lookup-status').textContent()).resolves.toContain(
      `Đã trả kết quả ngày ${day}`,
    );
    await screenshot('lookup-returned');
    await page.evaluate(() => {
      window.location.hash = '#/returns';
    });
    await page.getByRole('heading', { name: 'Trả kết quả hồ sơ' }).waitFor();
  });

  it("reading the citizen's card lists their dossiers not returned yet; choosing one opens it with that card as the receiver", async () => {
    if (!inserted) throw new Error('no card');
    await fillMrz(page, inserted.generated);
    await page.getByRole('button', { name: 'Đọc thẻ' }).click();
    const list = page.locator('.by-card-list [data-open-dossier]');
    await list.first().waitFor({ timeout: 90_000 });
    // readyCode was handed over above; otherCode and busyCode belong to someone else.
    await expect(
      list.evaluateAll((els) => els.map((e) => e.getAttribute('data-open-dossier'))),
    ).resolves.toEqual([cardCode]);
    await screenshot('by-card');
    await page.locator(`[data-open-dossier="${cardCode}"]`).click();
    await page.locator('.return-verdict[data-verdict="ready"]').waitFor({ timeout: 30_000 });
    await expect(page.locator('.return-check h2').innerText()).resolves.toContain(cardCode);
    await expect(page.locator('.card-name').innerText()).resolves.toContain(
      inserted.generated.person.fullName,
    );
    await expect(page.locator('.missing').getAttribute('data-missing')).resolves.not.toContain(
      'needCard',
    );
  });

  it("another applicant's dossier refuses the card in the reader, in Vietnamese, and records nothing", async () => {
    await find(otherCode);
    await page.locator('.return-verdict[data-verdict="ready"]').waitFor({ timeout: 30_000 });
    await readCard();
    await page.locator('input[name="result-files"]').setInputFiles(resultPdf);
    await page.locator('[data-result-file="ket-qua-khai-sinh.pdf"]').waitFor();
    await page.getByLabel('Mã PIN thiết bị ký số').fill(PIN);
    await page.getByRole('button', { name: 'Trả kết quả', exact: true }).click();
    const alert = page.locator('[role="alert"]').filter({ hasText: 'Người nhận không phải' });
    await alert.waitFor({ timeout: 60_000 });
    await screenshot('wrong-person');
    expect((await held(otherCode))?.TrangThaiHoSo).toBe('9');
  });

  it('the same person as an authorised receiver, by their own chip read and with the letter, may take it', async () => {
    await page.getByLabel('Người được ủy quyền (đọc thẻ và quét giấy ủy quyền)').check();
    // The refusal was about the receiver sent; changing it takes the refusal away and asks for the card again.
    await expect(
      page.locator('[role="alert"]').filter({ hasText: 'Người nhận không phải' }).count(),
    ).resolves.toBe(0);
    await expect(page.locator('.missing').getAttribute('data-missing')).resolves.toContain(
      'needCard',
    );
    await readCard();
    await page.locator('input[name="letter-file"]').setInputFiles(resultPdf);
    await page.getByLabel('Mã PIN thiết bị ký số').fill(PIN);
    await screenshot('authorised');
    await page.getByRole('button', { name: 'Trả kết quả', exact: true }).click();
    await page.locator(`[data-returned="${otherCode}"]`).waitFor({ timeout: 90_000 });
    await until('the authorised return to reach the portal', async () => {
      return (await held(otherCode))?.TrangThaiHoSo === '10';
    });
  });

  it('with the portal down, a result held in hand goes by post only after the clerk confirms it', async () => {
    await page.getByRole('button', { name: 'Trả hồ sơ khác' }).click();
    await sim?.stop();
    await find(busyCode);
    await page.locator('.return-verdict[data-verdict="silent"]').waitFor({ timeout: 60_000 });
    await page.getByLabel('Gửi qua dịch vụ bưu chính công ích').check();
    await page.getByLabel('Địa chỉ nhận').fill('Thôn 2, xã Bình Sơn, Quảng Ngãi');
    await page.locator('input[name="result-files"]').setInputFiles(resultPdf);
    await page.locator('[data-result-file="ket-qua-khai-sinh.pdf"]').waitFor();
    await page.getByLabel('Mã PIN thiết bị ký số').fill(PIN);
    await expect(page.locator('.missing').getAttribute('data-missing')).resolves.toBe('needInHand');
    await screenshot('portal-down');
    await page.getByLabel('Tôi đang giữ kết quả trên tay (Cổng không trả lời được)').check();
    await page.getByRole('button', { name: 'Trả kết quả', exact: true }).click();
    await page.locator(`[data-returned="${busyCode}"]`).waitFor({ timeout: 90_000 });
    await expect(page.locator('.return-done').innerText()).resolves.toContain(
      'Đã ghi nhận: trả khi Cổng không xác nhận',
    );
    await screenshot('returned-in-hand');
  });

  it("the tracking book (Mẫu 06) of today holds the day's four dossiers, as PDF and CSV", async () => {
    await page.evaluate(() => {
      window.location.hash = '#/forms/book';
    });
    await page.getByRole('heading', { name: 'Sổ theo dõi hồ sơ (Mẫu 06)' }).waitFor();
    await page.getByRole('button', { name: 'Lập sổ' }).click();
    const made = page.locator('[data-book-count]');
    await made.waitFor({ timeout: 60_000 });
    await expect(made.getAttribute('data-book-count')).resolves.toBe('4');
    const csv = page.getByRole('link', { name: /Tải bảng tính/ });
    await expect(csv.getAttribute('download')).resolves.toMatch(/^so-theo-doi-ho-so-.*\.csv$/);
    await screenshot('tracking-book');
  });

  it("Mẫu 02 for the card holder's open dossier is recorded and comes back as a PDF to print, marked unsigned without a PIN", async () => {
    await page.evaluate(() => {
      window.location.hash = '#/forms/notice';
    });
    await page
      .getByRole('heading', {
        name: 'Phiếu yêu cầu bổ sung, từ chối tiếp nhận, xin lỗi và hẹn lại',
      })
      .waitFor();
    await page.getByLabel('Mã hồ sơ hoặc nội dung mã QR').fill(cardCode);
    await page
      .getByLabel('Giấy tờ, nội dung cần bổ sung (mỗi dòng một mục)')
      .fill('Giấy chứng sinh bản chính\nGiấy chứng nhận kết hôn của cha mẹ');
    await page.getByRole('button', { name: 'Lập phiếu' }).click();
    await page.locator(`[data-notice="${cardCode}"]`).waitFor({ timeout: 60_000 });
    // No PIN typed: the step is recorded and the form says it is not signed (signing: forms-signed.test.ts).
    await expect(page.locator('[data-form-signed]').getAttribute('data-form-signed')).resolves.toBe(
      'false',
    );
    const link = page.getByRole('link', { name: 'Tải phiếu (PDF)' });
    await expect(link.getAttribute('download')).resolves.toBe(
      `phieu-yeu-cau-bo-sung-${cardCode}.pdf`,
    );
    await screenshot('notice-02');
  });

  it('the supplement the Mẫu 02 asked for is received into the same dossier with a new date on working days', async () => {
    await page.getByRole('button', { name: 'Lập phiếu khác' }).click();
    await page.getByLabel('Mã hồ sơ hoặc nội dung mã QR').fill(cardCode);
    await page.getByLabel(/^Nhận hồ sơ bổ sung/).check();
    await page
      .getByLabel('Giấy tờ bổ sung đã nhận (mỗi dòng một mục)')
      .fill('Giấy chứng sinh bản chính');
    await page.getByLabel(/^Số ngày làm việc cần thêm/).fill('5');
    await page.getByRole('button', { name: 'Lập phiếu' }).click();
    await page.locator(`[data-notice="${cardCode}"]`).waitFor({ timeout: 60_000 });
    const due = Number(await page.locator('[data-new-due]').getAttribute('data-new-due'));
    // Five working days ahead cannot land on a Vietnamese weekend.
    expect([0, 6]).not.toContain(new Date(due + 7 * 3600_000).getUTCDay());
    expect(due).toBeGreaterThan(Date.now() + 4 * 24 * 3600_000);
    await expect(
      page.getByRole('link', { name: 'Tải phiếu (PDF)' }).getAttribute('download'),
    ).resolves.toBe(`phieu-tiep-nhan-bo-sung-${cardCode}.pdf`);
    await screenshot('supplement-received');
  });

  it('Mẫu 04 for a dossier not yet past its appointment is refused with the reason in Vietnamese', async () => {
    await page.getByRole('button', { name: 'Lập phiếu khác' }).click();
    // The dossier just asked for a supplement: open, but received today and not yet due.
    await page.getByLabel('Mã hồ sơ hoặc nội dung mã QR').fill(cardCode);
    await page.getByLabel(/^Mẫu 04/).check();
    await page.getByLabel(/^Số ngày làm việc cần thêm/).fill('3');
    await page.getByLabel('Lý do chậm trả kết quả').fill('Chờ xác minh thông tin');
    await page.getByRole('button', { name: 'Lập phiếu' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'chưa quá hạn trả kết quả',
    );
    await screenshot('notice-04-refused');
  });
});
