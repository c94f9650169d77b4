import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receptionEvents, receptionMethods } from '../../../electron/api/contract/reception';
import { scanMethods } from '../../../electron/api/contract/scan';
import { KioskError } from '../../../electron/api/errors';
import { OcrPool } from '../../../electron/services/ocr/ocr-pool';
import { createComponentHandlers } from '../../../electron/services/components/component-handlers';
import {
  ComponentJobs,
  type ComponentOcrEvent,
} from '../../../electron/services/components/component-jobs';
import { ScanService } from '../../../electron/services/scan/scan-service';
import { SaneBackend } from '../../../scanners/sane/sane-backend';
import type { ScannerBackend } from '../../../scanners/scanner';
import { ScannerRegistry } from '../../../scanners/scanner-registry';
import { renderPage } from '../../fixtures/ocr/vietnamese-pages';
import { createSaneTestEnv, type SaneTestEnv } from '../scan/sane-test-env';
import { SHEET_FEEDER_DEVICE, sheetFeeder } from '../../support/sheet-feeder';

const texts = {
  don: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP XÂY DỰNG\n\nKính gửi: Ủy ban nhân dân phường Bến Nghé.\nHọ và tên người đề nghị: Nguyễn Thị Hường.\nNơi thường trú: số 12 đường Lê Lợi, quận Hoàn Kiếm.',
  toKhai:
    'TỜ KHAI ĐĂNG KÝ KHAI SINH\n\nHọ, chữ đệm, tên người yêu cầu: Trần Văn Dũng.\nQuan hệ với người được khai sinh: cha ruột.\nNgày, tháng, năm sinh: mười lăm tháng bảy năm hai nghìn hai mươi sáu.\nNơi sinh: Bệnh viện Phụ sản tỉnh Quảng Ngãi.',
  uyQuyen:
    'GIẤY ỦY QUYỀN\n\nBên ủy quyền: Lê Thị Phương, căn cước công dân số 001089012345.\nBên được ủy quyền: Phạm Quốc Việt.\nNội dung ủy quyền: nộp hồ sơ và nhận kết quả thủ tục hành chính tại Bộ phận Một cửa.',
} as const;
/** Words with diacritics each page must yield, NFC. */
const expected = {
  don: ['ĐƠN', 'ĐỀ', 'NGHỊ', 'Hường', 'Nguyễn'],
  toKhai: ['TỜ', 'KHAI', 'Dũng', 'Trần', 'Quảng'],
  uyQuyen: ['GIẤY', 'QUYỀN', 'Phương', 'Việt', 'Bộ'],
} as const;

let sane: SaneTestEnv;
let work: string;
let pool: OcrPool;
let jobs: ComponentJobs;
const events: ComponentOcrEvent[] = [];
const pngs: Record<keyof typeof texts, Uint8Array> = {
  don: new Uint8Array(),
  toKhai: new Uint8Array(),
  uyQuyen: new Uint8Array(),
};

beforeAll(async () => {
  sane = createSaneTestEnv();
  work = mkdtempSync(join(tmpdir(), 'kiosk-components-'));
  pool = new OcrPool({ languages: ['vie'], size: 2 });
  jobs = new ComponentJobs({
    ocr: pool,
    workDir: work,
    emit: (event) => events.push(receptionEvents['component.ocr'].parse(event)),
  });
  for (const key of Object.keys(texts) as (keyof typeof texts)[])
    pngs[key] = await renderPage(texts[key]);
});
afterAll(async () => {
  await pool.close();
  sane.dispose();
  rmSync(work, { recursive: true, force: true });
});

const local = { transport: 'local' } as const;
const jobsDir = () => join(work, 'scan-jobs');
const jobFolders = () => (existsSync(jobsDir()) ? readdirSync(jobsDir()).sort() : []);
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function ocrFinished(jobId: string, total: number): Promise<ComponentOcrEvent[]> {
  const deadline = Date.now() + 100_000;
  for (;;) {
    const mine = events.filter((e) => e.jobId === jobId);
    if (mine.some((e) => e.pagesDone === total && e.pagesTotal === total)) return mine;
    if (Date.now() > deadline)
      throw new Error(`OCR of ${jobId} not finished: ${JSON.stringify(mine)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The KioskError a call ends with (a handler may answer a value or a promise). */
async function rejection(call: unknown): Promise<KioskError> {
  try {
    await Promise.resolve(call);
  } catch (error) {
    if (error instanceof KioskError) return error;
    throw error;
  }
  throw new Error('expected a KioskError');
}

/** Each page's first image XObject, as raw stream bytes: how a page is told apart after copyPages. */
async function pageImages(pdf: Uint8Array): Promise<Buffer[]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((page) => {
    const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
    const ref = xobjects?.values()[0];
    if (!(ref instanceof PDFRef)) throw new Error('page without an image');
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) throw new Error('image is not a raw stream');
    return Buffer.from(stream.contents);
  });
}

function service(backend: ScannerBackend): ScanService {
  return new ScanService({
    registry: new ScannerRegistry([backend]),
    workDir: work,
    events: { page: () => undefined, progress: () => undefined },
    onPage: jobs.onScanPage,
    onComponent: jobs.onScanComponent,
  });
}

describe('component jobs from the SANE test scanner', () => {
  it('a 3-page ADF batch is one job whose OCR reaches 3 of 3 and which assembles as [2, 0, 1]', async () => {
    const scan = service(new SaneBackend({ env: sane.env, extraArgs: ['--test-picture', 'Grid'] }));
    const result = scanMethods['scan.start'].result.parse(
      await scan.start({
        device: 'sane:test:0',
        source: 'adf',
        resolution: 150,
        mode: 'gray',
        maxPages: 3,
        component: 'Bản sao giấy tờ',
      }),
    );
    expect(result.pages.map((p) => p.index)).toEqual([0, 1, 2]);
    expect(result.pdf?.pageCount).toBe(3);
    const progress = await ocrFinished(result.jobId, 3);
    expect(progress.filter((e) => e.state === 'done')).toHaveLength(3);
    expect(progress.some((e) => e.state === 'running')).toBe(true);

    const assembled = await jobs.assemble(result.jobId, [2, 0, 1]);
    expect(assembled.mime).toBe('application/pdf');
    expect(assembled.fileName).toBe('Bản sao giấy tờ.pdf');
    const path = join(work, 'sane-assembled.pdf');
    writeFileSync(path, assembled.bytes);
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Pages:\s+3/);
    expect(assembled.pages).toHaveLength(3);
    const clean = join(jobsDir(), result.jobId, 'clean');
    const files = readdirSync(clean)
      .filter((f) => f.endsWith('.png'))
      .sort();
    expect(files).toHaveLength(3);
    for (const [i, index] of [2, 0, 1].entries()) {
      expect(
        Buffer.from(assembled.pages[i]!.bytes).equals(readFileSync(join(clean, files[index]!))),
      ).toBe(true);
      expect(typeof assembled.pages[i]!.ocrText).toBe('string');
    }
    expect(await jobs.discard(result.jobId)).toBe(true);
    expect(existsSync(join(jobsDir(), result.jobId))).toBe(false);
  });
});

describe('page indices the screen saw map to PDF pages when blank pages were removed', () => {
  it('sheets [đơn, blank, tờ khai, ủy quyền] keep indices 0..3; [3, 0] gives ủy quyền then đơn; the blank one is FORM_INVALID', async () => {
    const sheets = join(work, 'sheets');
    mkdirSync(sheets, { recursive: true });
    const blank = await sharp({
      create: { width: 2480, height: 3508, channels: 3, background: '#ffffff' },
    })
      .withMetadata({ density: 300 })
      .png()
      .toBuffer();
    const files = [
      ['1-don.png', pngs.don],
      ['2-blank.png', blank],
      ['3-to-khai.png', pngs.toKhai],
      ['4-uy-quyen.png', pngs.uyQuyen],
    ] as const;
    for (const [name, bytes] of files) writeFileSync(join(sheets, name), bytes);
    const g4 = new Map<number, Buffer>();
    const scan = new ScanService({
      registry: new ScannerRegistry([sheetFeeder(files.map(([name]) => join(sheets, name)))]),
      workDir: work,
      events: { page: () => undefined, progress: () => undefined },
      onPage: (jobId, page) => {
        if (page.image) g4.set(page.index, Buffer.from(page.image.bytes));
        jobs.onScanPage(jobId, page);
      },
      onComponent: jobs.onScanComponent,
    });
    const result = await scan.start({ device: SHEET_FEEDER_DEVICE, component: 'Hồ sơ kèm theo' });
    expect(result.pages.map((p) => [p.index, p.blank])).toEqual([
      [0, false],
      [1, true],
      [2, false],
      [3, false],
    ]);
    expect(result.pdf?.pageCount).toBe(3);
    await ocrFinished(result.jobId, 3);

    const assembled = await jobs.assemble(result.jobId, [3, 0]);
    const images = await pageImages(assembled.bytes);
    expect(images).toHaveLength(2);
    expect(images[0]!.equals(g4.get(3)!)).toBe(true);
    expect(images[1]!.equals(g4.get(0)!)).toBe(true);
    for (const word of expected.uyQuyen) expect(assembled.pages[0]!.ocrText).toContain(word);
    for (const word of expected.don) expect(assembled.pages[1]!.ocrText).toContain(word);

    const blankPage = await rejection(jobs.assemble(result.jobId, [0, 1]));
    expect(blankPage.code).toBe('FORM_INVALID');
    expect(blankPage.message).toContain('1');
    expect((await rejection(jobs.assemble(result.jobId, [7]))).code).toBe('FORM_INVALID');
    expect((await rejection(jobs.assemble(result.jobId, [0, 0]))).code).toBe('FORM_INVALID');
    await jobs.discard(result.jobId);
  });
});

describe('component.import', () => {
  const handlers = () => createComponentHandlers(jobs);
  const importing = (mime: 'application/pdf' | 'image/png' | 'image/jpeg', bytes: Uint8Array) =>
    handlers()['component.import'](
      receptionMethods['component.import'].params.parse({
        component: 'Giấy tờ nhập từ tệp',
        fileName: `tep.${mime.split('/')[1] ?? 'bin'}`,
        mime,
        dataBase64: base64(bytes),
      }),
      local,
    );

  it('a PNG of a Vietnamese page is cleaned into a one-page PDF and its OCR keeps the diacritics', async () => {
    const result = receptionMethods['component.import'].result.parse(
      await importing('image/png', pngs.toKhai),
    );
    expect(result.pages).toHaveLength(1);
    expect(result.pages[0]!.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    expect(result.pdf?.pageCount).toBe(1);
    await ocrFinished(result.jobId, 1);
    const assembled = await jobs.assemble(result.jobId, [0]);
    for (const word of expected.toKhai) expect(assembled.pages[0]!.ocrText).toContain(word);
    // A grey text page is kept as a 1-bit page, as a scan would be.
    const kept = await sharp(assembled.pages[0]!.bytes).metadata();
    expect([kept.format, kept.channels]).toEqual(['png', 1]);
    expect(await jobs.discard(result.jobId)).toBe(true);
  });

  it('a colour JPEG with a red seal stays in colour and its text is still read', async () => {
    const seal = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600">' +
        '<circle cx="300" cy="300" r="260" fill="none" stroke="#d01010" stroke-width="40"/></svg>',
    );
    const photo = new Uint8Array(
      await sharp(pngs.uyQuyen)
        .toColourspace('srgb')
        .composite([{ input: seal, left: 1600, top: 1400 }])
        .jpeg({ quality: 85 })
        .toBuffer(),
    );
    const result = await importing('image/jpeg', photo);
    await ocrFinished(result.jobId, 1);
    const assembled = await jobs.assemble(result.jobId, [0]);
    const page = sharp(assembled.pages[0]!.bytes);
    const meta = await page.metadata();
    expect([meta.format, meta.channels]).toEqual(['jpeg', 3]);
    // Some pixels are clearly red: the seal kept its colour.
    const { data, info } = await page.raw().toBuffer({ resolveWithObject: true });
    let red = 0;
    for (let i = 0; i + 2 < data.length; i += info.channels)
      if (data[i]! > 150 && data[i + 1]! < 90 && data[i + 2]! < 90) red++;
    expect(red).toBeGreaterThan(1000);
    for (const word of expected.uyQuyen) expect(assembled.pages[0]!.ocrText).toContain(word);
    await jobs.discard(result.jobId);
  });

  it('a 2-page PDF keeps its pages as they are, gets thumbnails and OCR, and reorders as [1, 0]', async () => {
    const source = await PDFDocument.create();
    for (const png of [pngs.don, pngs.uyQuyen]) {
      const image = await source.embedPng(png);
      source.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    }
    const pdf = await source.save();
    const originals = await pageImages(pdf);
    const result = receptionMethods['component.import'].result.parse(
      await importing('application/pdf', pdf),
    );
    expect(result.pdf?.pageCount).toBe(2);
    expect(result.pages.map((p) => p.index)).toEqual([0, 1]);
    for (const page of result.pages) expect(page.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    const progress = await ocrFinished(result.jobId, 2);
    // The total is known from the start although pages render one by one.
    expect(progress.every((e) => e.pagesTotal === 2)).toBe(true);
    const assembled = await jobs.assemble(result.jobId, [1, 0]);
    const images = await pageImages(assembled.bytes);
    expect(images[0]!.equals(originals[1]!)).toBe(true);
    expect(images[1]!.equals(originals[0]!)).toBe(true);
    for (const word of expected.uyQuyen) expect(assembled.pages[0]!.ocrText).toContain(word);
    for (const word of expected.don) expect(assembled.pages[1]!.ocrText).toContain(word);
    // The stored page image is the rendering, a grey JPEG.
    expect([...assembled.pages[0]!.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const discarded = await handlers()['component.discard']({ jobId: result.jobId }, local);
    expect(discarded).toEqual({ discarded: true });
    expect(existsSync(join(jobsDir(), result.jobId))).toBe(false);
  });

  it('a truncated PDF, an .exe named .pdf, a JPEG sent as PNG, a truncated PNG and a PDF with a broken body are typed errors that leave no files', async () => {
    const before = jobFolders();
    const source = await PDFDocument.create();
    source
      .addPage([595, 842])
      .drawImage(await source.embedPng(pngs.don), { x: 0, y: 0, width: 595, height: 842 });
    const whole = await source.save();
    const truncated = whole.subarray(0, Math.floor(whole.length / 2));
    const exe = new Uint8Array(4096);
    exe.set([0x4d, 0x5a, 0x90, 0x00], 0); // "MZ": a Windows executable's header
    const jpeg = new Uint8Array(await sharp(pngs.don).jpeg().toBuffer());
    const brokenBody = new TextEncoder().encode(
      '%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage\n%%EOF\n',
    );
    for (const [mime, bytes] of [
      ['application/pdf', truncated],
      ['application/pdf', exe],
      ['image/png', jpeg],
      ['image/png', pngs.don.subarray(0, 200)],
      ['application/pdf', brokenBody],
    ] as const) {
      const error = await rejection(importing(mime, bytes));
      expect(error.code).toBe('SCAN_BAD_FILE');
    }
    expect((await rejection(importing('image/png', new Uint8Array()))).code).toBe(
      'INVALID_PAYLOAD',
    );
    expect(jobFolders()).toEqual(before);
  });

  it('a PDF of more than 500 pages is refused before anything is written', async () => {
    const before = jobFolders();
    const long = await PDFDocument.create();
    for (let i = 0; i < 501; i++) long.addPage([595, 842]);
    const error = await rejection(importing('application/pdf', await long.save()));
    expect(error.code).toBe('SCAN_BAD_FILE');
    expect(error.message).toContain('501');
    expect(jobFolders()).toEqual(before);
  });
});

describe('OCR never holds up the save', () => {
  const request = (png: Uint8Array) => ({
    component: 'Bản chụp',
    fileName: 'ban-chup.png',
    mime: 'image/png' as const,
    dataBase64: base64(png),
  });

  it('a page whose OCR failed (the pool was closed) is reported failed, logged, and saved with empty text', async () => {
    const closed = new OcrPool({ languages: ['vie'], size: 1 });
    await closed.close();
    const seen: ComponentOcrEvent[] = [];
    const warnings: string[] = [];
    const failing = new ComponentJobs({
      ocr: closed,
      workDir: work,
      emit: (event) => seen.push(event),
      log: { warn: (_fields, message) => warnings.push(message) },
    });
    const result = await failing.import(request(pngs.don));
    const assembled = await failing.assemble(result.jobId, [0]);
    expect(assembled.pages.map((p) => p.ocrText)).toEqual(['']);
    expect(assembled.pages[0]!.bytes.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toMatchObject({ state: 'failed', pagesDone: 1, pagesTotal: 1 });
    expect(warnings.some((w) => w.includes('OCR'))).toBe(true);
    await failing.discardAll();
  });

  it('a page whose OCR is not done by the deadline is saved with empty text at once', async () => {
    const warnings: string[] = [];
    const hurried = new ComponentJobs({
      ocr: pool,
      workDir: work,
      emit: () => undefined,
      ocrWaitMs: 0,
      log: { warn: (_fields, message) => warnings.push(message) },
    });
    const result = await hurried.import(request(pngs.toKhai));
    const started = performance.now();
    const assembled = await hurried.assemble(result.jobId, [0]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(assembled.pages[0]!.ocrText).toBe('');
    expect(warnings).toContain('OCR not done in time; the page is saved without text');
    await hurried.discard(result.jobId);
  });
});

describe('job lifetime', () => {
  it('discard of an id this run never knew removes its folder only when the id is a UUID', async () => {
    const orphan = '01a2124e-0000-7000-8000-000000000001';
    mkdirSync(join(jobsDir(), orphan, 'pages'), { recursive: true });
    expect(await jobs.discard(orphan)).toBe(true);
    expect(existsSync(join(jobsDir(), orphan))).toBe(false);
    expect(await jobs.discard('../scan-jobs')).toBe(false);
    expect(existsSync(jobsDir())).toBe(true);
  });

  it('a poster-sized PDF page is rendered at a lower resolution, not hundreds of megapixels', async () => {
    const source = await PDFDocument.create();
    source
      .addPage([2000, 2000])
      .drawImage(await source.embedPng(pngs.don), { x: 0, y: 0, width: 2000, height: 2000 });
    const result = await jobs.import({
      component: 'Bản vẽ',
      fileName: 'ban-ve.pdf',
      mime: 'application/pdf',
      dataBase64: base64(await source.save()),
    });
    expect(result.pages[0]).toMatchObject({ dpi: 122, width: 3389, height: 3389 });
    await jobs.discard(result.jobId);
  });

  it('an unknown or discarded job is COMPONENT_NOT_FOUND; discard of an unknown job says false', async () => {
    expect((await rejection(jobs.assemble('no-such-job', [0]))).code).toBe('COMPONENT_NOT_FOUND');
    expect(await jobs.discard('no-such-job')).toBe(false);
  });

  it('jobs older than the configured age are swept, and discardAll empties the jobs folder', async () => {
    let now = Date.now();
    const aging = new ComponentJobs({
      ocr: pool,
      workDir: work,
      emit: () => undefined,
      now: () => now,
      maxAgeMs: 60 * 60 * 1000,
    });
    const request = {
      component: 'Ảnh chụp',
      fileName: 'anh.png',
      mime: 'image/png' as const,
      dataBase64: base64(pngs.don),
    };
    const old = await aging.import(request);
    now += 2 * 60 * 60 * 1000;
    const fresh = await aging.import(request);
    // The import of `fresh` started a sweep already; this one runs after it.
    await aging.sweep();
    expect(existsSync(join(jobsDir(), old.jobId))).toBe(false);
    expect((await rejection(aging.assemble(old.jobId, [0]))).code).toBe('COMPONENT_NOT_FOUND');
    expect(existsSync(join(jobsDir(), fresh.jobId))).toBe(true);
    await aging.discardAll();
    expect(jobFolders()).toEqual([]);
    expect((await rejection(aging.assemble(fresh.jobId, [0]))).code).toBe('COMPONENT_NOT_FOUND');
  });
});
