import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeBytes } from '../../fixtures/store/sample-dossier';
import { BlobStore, sha256Hex } from '../../../electron/services/store/blob-store';
import { FieldCipher } from '../../../electron/services/store/crypto/field-cipher';
import { FileKeyProvider } from '../../../electron/services/store/crypto/key-provider';
import { DossierStore } from '../../../electron/services/store/dossier-store';

const ROUNDS = 55;
const root = fileURLToPath(new URL('../../..', import.meta.url));
const child = join(root, 'test/integration/store/crash-child.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-crash-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

interface Reported {
  id: string;
  seed: string;
  attachments: number;
  size: number;
}

/** Starts the child, lets it save for a random while, SIGKILLs it; returns what it reported saved. */
function runAndKill(round: number): Promise<Reported[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, `r${round}`], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const reported: Reported[] = [];
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => proc.kill('SIGKILL'), 30_000);
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [tag, id, seed, n, size] = line.split(' ');
        if (tag === 'READY' && timer === undefined) {
          timer = setTimeout(() => proc.kill('SIGKILL'), 50 + Math.random() * 700);
        } else if (tag === 'SAVED' && id && seed) {
          reported.push({ id, seed, attachments: Number(n), size: Number(size) });
        }
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`child exited ${code} ${signal}: ${stderr}`));
      else resolve(reported);
    });
  });
}

function verify(store: DossierStore, reported: readonly Reported[]): void {
  const db = store.database;
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  for (const r of reported) {
    const d = store.get(r.id, 'crash-test');
    expect(d.components).toHaveLength(r.attachments);
    d.components.forEach((c, j) => {
      const expected = sha256Hex(fakeBytes(`${r.seed}/${j}`, r.size));
      expect(c.sha256).toBe(expected);
      expect(sha256Hex(store.outbox.readBlob(expected))).toBe(expected);
    });
  }
  // No torn rows: every dossier still queued ends with its sync row; no queue without a dossier.
  const torn = db
    .prepare(
      `SELECT d.id FROM dossiers d WHERE d.sync_state != 'synced' AND NOT EXISTS
         (SELECT 1 FROM outbox o WHERE o.dossier_id = d.id AND o.op = 'sync-dossier'
          AND o.seq = (SELECT MAX(seq) FROM outbox i WHERE i.dossier_id = d.id))`,
    )
    .all();
  expect(torn).toEqual([]);
  const components = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM components').get()!.n;
  const pages = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM pages').get()!.n;
  expect(pages).toBe(components); // the fixture scans one page per document
  // No orphan blob after GC: files on disk == rows == blobs named by components and pages.
  const rows = db
    .prepare<[], { sha256: string }>('SELECT sha256 FROM blobs ORDER BY sha256')
    .all()
    .map((r) => r.sha256);
  const named = db
    .prepare<[], { sha: string }>(
      `SELECT blob_sha256 AS sha FROM components UNION SELECT blob_sha256 FROM pages ORDER BY sha`,
    )
    .all()
    .map((r) => r.sha);
  const files = readdirSync(join(dataDir, 'blobs'), { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('/').pop() ?? '')
    .filter((f) => /^[0-9a-f]{64}$/.test(f))
    .sort();
  expect(rows).toEqual(named);
  // Files are named by a keyed hash of the plaintext's SHA-256 (the folder's key).
  const blobs = new BlobStore(
    join(dataDir, 'blobs'),
    new FieldCipher(new FileKeyProvider(dataDir, { create: false }).masterKey()),
  );
  expect(files).toEqual(rows.map((sha) => blobs.nameOf(sha)).sort());
  expect(readdirSync(join(dataDir, 'blobs', 'tmp'))).toEqual([]);
}

describe('crash safety', () => {
  it(`every dossier the child reported saved survives ${ROUNDS} SIGKILLs intact, with no torn rows and no orphan blobs`, async () => {
    const all: Reported[] = [];
    let orphansRemoved = 0;
    for (let round = 0; round < ROUNDS; round++) {
      all.push(...(await runAndKill(round)));
      const store = DossierStore.open({ dataDir, agencyCode: '000.00.53.H48' });
      try {
        const gc = store.gc(0);
        orphansRemoved += gc.blobs + gc.temps;
        // One transaction: the audit rows of the reads commit once, not once per dossier.
        store.database.transaction(() => {
          verify(store, all);
        })();
      } finally {
        store.close();
      }
    }
    const store = DossierStore.open({ dataDir, agencyCode: '000.00.53.H48' });
    const total = store.list({ limit: 100_000 }, 'crash-test').length;
    store.close();
    console.log(
      `crash: ${ROUNDS} kills, ${all.length} dossiers reported saved, ${total} in store, 0 lost, ${orphansRemoved} orphan blob/tmp files collected`,
    );
    expect(total).toBeGreaterThanOrEqual(all.length);
    expect(all.length).toBeGreaterThan(ROUNDS);
  }, 900_000);
});
