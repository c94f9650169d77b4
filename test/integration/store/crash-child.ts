/**
 * The crash test's victim: saves dossiers with attachments as fast as it can
 * and prints `SAVED <id> <seed> <attachments> <size>` after each commit; now
 * and then it acknowledges outbox rows as a sync engine would. The parent
 * SIGKILLs it at a random moment. Usage: crash-child.ts DATA_DIR SEED_PREFIX
 */
import { createHash } from 'node:crypto';
import { sampleDossier } from '../../fixtures/store/sample-dossier';
import { DossierStore } from '../../../electron/services/store/dossier-store';

const [dataDir, prefix] = process.argv.slice(2);
if (dataDir === undefined || prefix === undefined)
  throw new Error('usage: crash-child.ts DATA_DIR SEED_PREFIX');

const store = DossierStore.open({ dataDir, agencyCode: '000.00.53.H48' });
process.stdout.write('READY\n');
for (let i = 0; ; i++) {
  const seed = `${prefix}-${i}`;
  const h = createHash('sha256').update(seed).digest();
  const attachments = h[0]! % 4;
  const size = 1000 + (h.readUInt32BE(1) % 150_000);
  const saved = store.save(sampleDossier(seed, { attachments, size }), 'crash-child');
  process.stdout.write(`SAVED ${saved.id} ${seed} ${attachments} ${size}\n`);
  if (i % 3 === 0) {
    for (const entry of store.outbox.due(Date.now(), 2)) {
      store.outbox.complete(entry.id, {
        fileUrl: `http://127.0.0.1:9/f/${entry.id}`,
        fileId: entry.id,
      });
    }
  }
}
