/**
 * Issue 14, item 1 (CPU-heavy steps off the core's event loop), at save:
 * while a dossier whose component is 6 printed A4 300 dpi text pages (each
 * with its OCR text layer) is saved, a citizen's status lookup sent every
 * 25 ms over the page's API socket is answered at once (median within a
 * bound), because the component PDF is built on the core's page worker
 * threads. The core process samples its own event loop over the save,
 * printed beside the answers' times; the stored PDF passes pdfinfo and pdftotext finds the OCR'd words.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserShell } from '../../../electron/shell/browser-shell';
import { createCore } from '../../../electron/shell/composition-root';
import { benchCitizen, birthFormValues } from '../../bench/support/birth-registration';
import { addStaff, CLERK } from '../../e2e/support/staff';
import { renderPage } from '../../fixtures/ocr/vietnamese-pages';
import { openApiSocket, type ApiSocket } from '../../support/api-socket';
import { captureLogger } from '../../support/capture-logger';
import { ocrWatcher } from '../../support/ocr-watcher';
import { textPagesPdf } from '../../support/text-pages-pdf';

const PAGES = 6;
/**
 * Measured here (2 cores, load average 15–17 from other work), PDF on the
 * page worker pool: save 751 ms, 14 lookups, p50 3 ms, p90 31 ms, max
 * 308 ms, the core's loop max 270 ms; with KIOSK_PDF_IN_THREAD=1 (the PDF on
 * the core's loop): save 644 ms, 4 lookups, p50 217 ms, max 293 ms, loop max
 * 333 ms. The PDF on the core's loop holds nearly every lookup (the median
 * tells the two apart); the one longest stall in both is not the PDF but
 * the store's synchronous, fsync'd writes of the dossier's blobs and rows
 * (blob-store.ts `put`), so the maximum is held only to "within a second".
 */
const MEDIAN_BOUND_MS = 100;
const LOOKUP_BOUND_MS = 1000;

let dataDir: string;
let shell: Awaited<ReturnType<typeof startBrowserShell>> | undefined;
let socket: ApiSocket | undefined;
let truths: readonly string[] = [];
let jobs: { text: string; certificate: string };

async function must<T>(method: string, params: unknown): Promise<T> {
  const answer = await socket?.call(method, params);
  if (!answer?.ok)
    throw new Error(`${method}: ${answer?.error?.code ?? '?'} ${answer?.error?.message ?? ''}`);
  return answer.value as T;
}

beforeAll(async () => {
  process.env.KIOSK_PORTAL_URL = 'http://127.0.0.1:1';
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-lookup-during-save-'));
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ mode: 'staff' }));
  addStaff(dataDir, CLERK);
  const text = await textPagesPdf(PAGES);
  truths = text.truths;
  shell = await startBrowserShell({ dataDir, rendererDir: dataDir, port: 0, coreProcess: 'split' });
  await shell.ready;
  socket = await openApiSocket(shell.url);
  const ocrDone = ocrWatcher(socket);
  await must('auth.signIn', CLERK);
  const imported = await must<{ jobId: string; pages: unknown[] }>('component.import', {
    component: 'Tờ khai',
    fileName: 'to-khai.pdf',
    mime: 'application/pdf',
    dataBase64: Buffer.from(text.pdf).toString('base64'),
  });
  expect(imported.pages).toHaveLength(PAGES);
  const certificate = await must<{ jobId: string }>('component.import', {
    component: 'Giấy chứng sinh',
    fileName: 'giay-chung-sinh.png',
    mime: 'image/png',
    dataBase64: Buffer.from(await renderPage('GIẤY CHỨNG SINH\n\nNơi sinh: Quảng Ngãi.')).toString(
      'base64',
    ),
  });
  // Every page's text layer exists before the save: the save waits for no OCR.
  await Promise.all([ocrDone(imported.jobId, PAGES), ocrDone(certificate.jobId, 1)]);
  jobs = { text: imported.jobId, certificate: certificate.jobId };
}, 600_000);

afterAll(async () => {
  await socket?.close();
  await shell?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('a status lookup while a dossier of text pages is saved', () => {
  it('is answered within the bound every time, and the saved PDF is searchable', async () => {
    const supervisor = shell?.coreProcess;
    expect(supervisor).toBeDefined();
    await supervisor?.coreLoopDelay('start');
    const save = { running: true };
    const started = performance.now();
    const created = must<{ code: string }>('dossier.create', {
      procedureCode: '1.001193',
      applicant: { citizen: benchCitizen, phone: '0912345678' },
      formValues: birthFormValues,
      components: [
        { code: 'TO_KHAI', jobId: jobs.text, pageOrder: [...Array(PAGES).keys()] },
        { code: 'GIAY_CHUNG_SINH', jobId: jobs.certificate, pageOrder: [0] },
      ],
    }).finally(() => {
      save.running = false;
    });
    const times: number[] = [];
    const answers = new Set<string>();
    for (let i = 0; save.running && i < 2000; i++) {
      const asked = performance.now();
      const answer = await socket?.call('status.lookup', { query: 'G22.99-261207-0001' });
      times.push(performance.now() - asked);
      answers.add(answer?.ok ? 'ok' : (answer?.error?.code ?? '?'));
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const { code } = await created;
    const saveMs = performance.now() - started;
    const core = await supervisor?.coreLoopDelay('stop');
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    console.log(
      `lookup during the save of a ${String(PAGES)}-page text component (${saveMs.toFixed(0)} ms, PDF ${process.env.KIOSK_PDF_IN_THREAD === '1' ? "on the core's loop" : 'on the page worker pool'}): ` +
        `${String(times.length)} lookups (${[...answers].join(', ')}), p50 ${at(0.5).toFixed(0)} ms (bound ${String(MEDIAN_BOUND_MS)} ms), p90 ${at(0.9).toFixed(0)} ms, max ${at(1).toFixed(0)} ms (bound ${String(LOOKUP_BOUND_MS)} ms); ` +
        `the core's event loop: p99 ${core?.p99.toFixed(0) ?? '?'} ms, max ${core?.max.toFixed(0) ?? '?'} ms`,
    );
    expect(times.length).toBeGreaterThanOrEqual(3);
    // Answered from the store (an unknown code), not refused for a busy core.
    expect([...answers]).toEqual(['LOOKUP_NOT_FOUND']);

    // The stored component, read back from the data folder once the shell is gone.
    await socket?.close();
    socket = undefined;
    await shell?.close();
    shell = undefined;
    const reader = createCore({ dataDir, shell: 'browser', logger: captureLogger().logger });
    try {
      const component = reader.store.get(code, 'test').components.find((c) => c.code === 'TO_KHAI');
      expect(component?.pages).toBe(PAGES);
      const path = join(dataDir, 'to-khai.pdf');
      writeFileSync(path, reader.store.outbox.readBlob(component?.sha256 ?? ''));
      const run = (command: string, args: readonly string[]) =>
        execFileSync(command, args, { encoding: 'utf8', timeout: 30_000 }).normalize('NFC');
      expect(run('pdfinfo', [path])).toMatch(new RegExp(`Pages:\\s+${String(PAGES)}\\b`));
      const found = run('pdftotext', ['-enc', 'UTF-8', path, '-']);
      const words = [...new Set(truths.join(' ').split(/\s+/))].filter((w) =>
        /^\p{L}{4,}$/u.test(w),
      );
      const share = words.filter((w) => found.includes(w)).length / words.length;
      console.log(
        `pdftotext found ${(share * 100).toFixed(1)} % of ${String(words.length)} truth words`,
      );
      expect(share).toBeGreaterThan(0.8);
    } finally {
      await reader.dispose();
    }
    expect(at(0.5)).toBeLessThan(MEDIAN_BOUND_MS);
    expect(Math.max(...times)).toBeLessThan(LOOKUP_BOUND_MS);
  }, 120_000);
});
