/**
 * `npm run bench -- reception`: the reception core through `core.dispatch`,
 * with the portal simulator as the portal.
 *   1. dossier.create (validation, chip check, two one-page components
 *      rebuilt from their jobs, due date, durable save with outbox rows, job
 *      discard), timed once the jobs' OCR is done, beside the anchor measured
 *      in the same run: DossierStore.save of a dossier of the same shape and
 *      bytes (blobs fsynced + one transaction), as a ratio.
 *   2. status.lookup of a synced dossier (local read + TraCuuHoSo at the
 *      simulator) beside one loopback HTTP round trip to the simulator, and
 *      the store's public-status read alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StaffAccounts } from '../../electron/services/auth/staff-accounts';
import { createCore } from '../../electron/shell/composition-root';
import { renderPage } from '../fixtures/ocr/vietnamese-pages';
import { captureLogger } from '../support/capture-logger';
import { simFetch, startSim } from '../integration/sync/peers';
import {
  benchCitizen as citizen,
  birthFormValues as formValues,
} from './support/birth-registration';

const ROUNDS = 8;
const LOOKUPS = 200;
const CLERK = { username: 'canbo1', password: 'mat-khau-can-bo-1' };

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const fmt = (n: number, digits = 2): string => n.toFixed(digits);

const sim = await startSim(['--port', '0', '--memory']);
process.env.KIOSK_PORTAL_URL = sim.url;
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-reception-'));
writeFileSync(join(dataDir, 'config.json'), '{}');
const core = createCore({ dataDir, shell: 'browser', logger: captureLogger().logger });
const dispatch = async <T>(method: string, params: unknown): Promise<T> => {
  const r = await core.dispatch(method, params, { transport: 'local' });
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
};

try {
  await new StaffAccounts(core.store.database).create(CLERK.username, 'clerk', CLERK.password);
  await dispatch('auth.signIn', CLERK);
  const page = await renderPage('TỜ KHAI ĐĂNG KÝ KHAI SINH\n\nNgười yêu cầu: Trần Văn Dũng.');
  const ocrDone = new Set<string>();
  core.events.subscribe((name, payload) => {
    const e = payload as { jobId: string; state: string; pagesDone: number; pagesTotal: number };
    if (name === 'component.ocr' && e.pagesDone === e.pagesTotal) ocrDone.add(e.jobId);
  });
  const importPage = async (component: string): Promise<string> =>
    (
      await dispatch<{ jobId: string }>('component.import', {
        component,
        fileName: `${component}.png`,
        mime: 'image/png',
        dataBase64: Buffer.from(page).toString('base64'),
      })
    ).jobId;

  const createMs: number[] = [];
  const saveMs: number[] = [];
  const codes: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const jobs = [await importPage('Tờ khai'), await importPage('Giấy chứng sinh')];
    const deadline = Date.now() + 60_000;
    while (!jobs.every((j) => ocrDone.has(j))) {
      if (Date.now() > deadline) throw new Error('OCR did not finish in 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    let t0 = performance.now();
    const created = await dispatch<{ code: string }>('dossier.create', {
      procedureCode: '1.001193',
      applicant: { citizen, phone: '0912345678' },
      formValues,
      components: [
        { code: 'TO_KHAI', jobId: jobs[0], pageOrder: [0] },
        { code: 'GIAY_CHUNG_SINH', jobId: jobs[1], pageOrder: [0] },
      ],
    });
    createMs.push(performance.now() - t0);
    codes.push(created.code);

    const bytes = new Uint8Array(page);
    // New content each round, so the blobs are written, not deduplicated.
    const at = 100 + round;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    t0 = performance.now();
    core.store.save(
      {
        procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
        applicant: { kind: '1', name: citizen.fullName, idNumber: citizen.id, source: 'typed' },
        summary: `Đăng ký khai sinh – ${citizen.fullName}`,
        formValues,
        receivedAt: Date.now(),
        dueAt: Date.now() + 86_400_000,
        channel: 'counter',
        processingUnit: 'UBND xã',
        components: ['TO_KHAI', 'GIAY_CHUNG_SINH'].map((code) => ({
          code,
          fileName: `${code}.pdf`,
          mime: 'application/pdf',
          bytes,
          pages: [{ bytes, ocrText: 'TỜ KHAI' }],
        })),
      },
      'bench',
    );
    saveMs.push(performance.now() - t0);
  }

  const code = codes[0] ?? '';
  const synced = Date.now() + 60_000;
  while (core.store.publicStatus(code)?.syncState !== 'synced') {
    if (Date.now() > synced) throw new Error('not synced in 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const lookupMs: number[] = [];
  const httpMs: number[] = [];
  const readUs: number[] = [];
  for (let i = 0; i < LOOKUPS; i++) {
    let t0 = performance.now();
    const answer = await dispatch<{ portalCheckedAt: number | null }>('status.lookup', {
      query: code,
    });
    lookupMs.push(performance.now() - t0);
    if (answer.portalCheckedAt === null) throw new Error('the portal was not asked');
    t0 = performance.now();
    await (await simFetch(`${sim.url}/__sim/stats`)).json();
    httpMs.push(performance.now() - t0);
    t0 = performance.now();
    core.store.publicStatus(code);
    readUs.push((performance.now() - t0) * 1000);
  }

  console.log(`dossier.create, ${ROUNDS} dossiers of 2 one-page components (OCR already done):`);
  console.log(
    `  dossier.create median ${fmt(median(createMs))} ms | anchor DossierStore.save same shape ${fmt(median(saveMs))} ms | ratio ${fmt(median(createMs) / median(saveMs))}`,
  );
  console.log(
    `status.lookup of a synced dossier, ${LOOKUPS} calls (portal simulator asked each time):`,
  );
  console.log(
    `  status.lookup median ${fmt(median(lookupMs))} ms | anchor one loopback HTTP GET ${fmt(median(httpMs))} ms | ratio ${fmt(median(lookupMs) / median(httpMs))}`,
  );
  console.log(`  store public-status read alone median ${fmt(median(readUs), 1)} µs`);
} finally {
  await core.dispose();
  await sim.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
