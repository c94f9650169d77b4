/**
 * The component PDF that goes to the portal is built once, at save, in the
 * clerk's order, with the OCR text layer: poppler's own tools read it back.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrPool } from '../../../electron/services/ocr/ocr-pool';
import { ComponentJobs } from '../../../electron/services/components/component-jobs';
import { ScanService } from '../../../electron/services/scan/scan-service';
import { ScannerRegistry } from '../../../scanners/scanner-registry';
import { renderPage } from '../../fixtures/ocr/vietnamese-pages';
import { SHEET_FEEDER_DEVICE, sheetFeeder } from '../../support/sheet-feeder';

const don =
  'ĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP XÂY DỰNG\n\nKính gửi: Ủy ban nhân dân phường Bến Nghé.\nHọ và tên người đề nghị: Nguyễn Thị Hường.\nNơi thường trú: số 12 đường Lê Lợi, quận Hoàn Kiếm.';
const uyQuyen =
  'GIẤY ỦY QUYỀN\n\nBên ủy quyền: Lê Thị Phương, căn cước công dân số 001089012345.\nBên được ủy quyền: Phạm Quốc Việt.\nNội dung ủy quyền: nộp hồ sơ và nhận kết quả thủ tục hành chính.';

let work: string;
let pool: OcrPool;
let jobs: ComponentJobs;
let files: string[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kiosk-searchable-'));
  pool = new OcrPool({ languages: ['vie'], size: 2 });
  jobs = new ComponentJobs({ ocr: pool, workDir: work, emit: () => undefined });
  const sheets = join(work, 'sheets');
  mkdirSync(sheets);
  files = [join(sheets, '1-don.png'), join(sheets, '2-uy-quyen.png')];
  writeFileSync(files[0]!, await renderPage(don));
  writeFileSync(files[1]!, await renderPage(uyQuyen));
});
afterAll(async () => {
  await pool.close();
  rmSync(work, { recursive: true, force: true });
});

/** pdftotext of one page, whitespace collapsed, NFC. */
function pageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], {
    encoding: 'utf8',
  })
    .normalize('NFC')
    .replace(/\s+/g, ' ');
}

describe('a saved component PDF', () => {
  it('holds the sheets in the clerk order with their OCR words findable by pdftotext, at most 100 KB per 300 dpi page', async () => {
    const scan = new ScanService({
      registry: new ScannerRegistry([sheetFeeder(files)]),
      workDir: work,
      events: { page: () => undefined, progress: () => undefined },
      onPage: jobs.onScanPage,
      onComponent: jobs.onScanComponent,
    });
    const result = await scan.start({ device: SHEET_FEEDER_DEVICE, component: 'Hồ sơ kèm theo' });
    expect(result.pdf?.pageCount).toBe(2);
    // No PDF exists before the save: it is built once, from the clerk's order.
    expect(result.pdf?.sha256).toBeUndefined();

    const assembled = await jobs.assemble(result.jobId, [1, 0]);
    const path = join(work, 'component.pdf');
    writeFileSync(path, assembled.bytes);
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+2/);
    expect(info).toMatch(/Title:\s+Hồ sơ kèm theo/);
    // A4 at 300 dpi: 2480 x 3508 pixels = 595 x 842 points.
    expect(info).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts/);
    for (const word of ['GIẤY', 'QUYỀN', 'Phương', 'Việt'])
      expect(pageText(path, 1)).toContain(word);
    for (const word of ['ĐƠN', 'NGHỊ', 'Hường', 'Nguyễn'])
      expect(pageText(path, 2)).toContain(word);
    expect(pageText(path, 1)).not.toContain('Hường');
    expect(assembled.bytes.length / 2).toBeLessThanOrEqual(100 * 1024);
    await jobs.discard(result.jobId);
  });

  it('an imported scanned PDF (images, no text) becomes searchable; a PDF with its own text is not given a second layer', async () => {
    const scanned = await PDFDocument.create();
    const image = await scanned.embedPng(await renderPage(don));
    scanned.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    const typed = await PDFDocument.create();
    typed.addPage([595, 842]).drawText('Born digital', { x: 72, y: 720, size: 14 });
    typed.getPage(0).drawImage(await typed.embedPng(await renderPage(uyQuyen)), {
      x: 0,
      y: 0,
      width: 595,
      height: 842,
      opacity: 1,
    });
    for (const [name, source, words, absent] of [
      ['scanned', scanned, ['ĐƠN', 'Hường'], []],
      ['typed', typed, ['Born digital'], ['Phương']],
    ] as const) {
      const imported = await jobs.import({
        component: 'Tệp nhập',
        fileName: `${name}.pdf`,
        mime: 'application/pdf',
        dataBase64: Buffer.from(await source.save()).toString('base64'),
      });
      // The text layer comes from OCR: wait for it as the save would.
      const assembled = await jobs.assemble(imported.jobId, [0]);
      const path = join(work, `${name}.pdf`);
      writeFileSync(path, assembled.bytes);
      const text = pageText(path, 1);
      for (const word of words) expect(text).toContain(word);
      for (const word of absent) expect(text).not.toContain(word);
      await jobs.discard(imported.jobId);
    }
  });
});
