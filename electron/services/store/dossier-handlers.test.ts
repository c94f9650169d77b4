import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleDossier } from '../../../test/fixtures/store/sample-dossier';
import { dossierEvents, dossierMethods } from '../../api/contract/dossier';
import { createDossierHandlers, forwardQueueChanges } from './dossier-handlers';
import { DossierStore } from './dossier-store';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('dossier API handlers', () => {
  it('answer within the contract, audit the caller, and resubmit a parked dossier', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-api-'));
    dirs.push(dir);
    const store = DossierStore.open({ dataDir: dir, agencyCode: '000.00.53.H48' });
    const events: unknown[] = [];
    forwardQueueChanges(store, (d) => events.push(dossierEvents['queue.changed'].parse(d)));
    const handlers = createDossierHandlers({ store, actorOf: (c) => `staff@${c.transport}` });
    const a = store.save(sampleDossier('a', { attachments: 1 }), 'clerk');
    const ctx = { transport: 'ws' } as const;

    const list = await handlers['dossier.list'](
      dossierMethods['dossier.list'].params.parse({}),
      ctx,
    );
    expect(dossierMethods['dossier.list'].result.parse(list).dossiers).toHaveLength(1);

    const head = store.outbox.due(Date.now() + 1000, 1)[0]!;
    store.outbox.park(head.id, 'Tệp không mở được');
    const parked = await handlers['dossier.list']({ syncState: 'parked' }, ctx);
    expect(parked.dossiers[0]?.parkedMessage).toBe('Tệp không mở được');
    expect(parked.depth).toEqual({ pending: 0, parked: 1 });

    const view = await handlers['dossier.get']({ idOrCode: a.code }, ctx);
    expect(dossierMethods['dossier.get'].result.parse(view).code).toBe(a.code);

    const params = dossierMethods['dossier.resubmit'].params.parse({
      idOrCode: a.id,
      fix: { phone: '0900000000' },
    });
    const after = await handlers['dossier.resubmit'](params, ctx);
    expect(after.depth).toEqual({ pending: 1, parked: 0 });
    expect(events.at(-1)).toEqual({ pending: 1, parked: 0 });

    const actors = store.database
      .prepare<[], { actor: string }>(
        `SELECT DISTINCT actor FROM audit_log WHERE actor LIKE 'staff@%'`,
      )
      .all();
    expect(actors).toEqual([{ actor: 'staff@ws' }]);
    store.close();
  });

  it('a fix with unknown fields is refused by the contract before it reaches the store', () => {
    const r = dossierMethods['dossier.resubmit'].params.safeParse({
      idOrCode: 'x',
      fix: { code: 'y' },
    });
    expect(r.success).toBe(false);
  });
});
