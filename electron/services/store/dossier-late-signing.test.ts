import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleDossier } from '../../../test/fixtures/store/sample-dossier';
import { DossierStore } from './dossier-store';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open(): DossierStore {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-late-sign-'));
  dirs.push(dir);
  return DossierStore.open({ dataDir: dir, agencyCode: '000.00.53.H48' });
}

const SIGNED = new Uint8Array([37, 80, 68, 70, 45, 115, 105, 103, 110, 101, 100]);

describe('signing a dossier after it was saved "chưa ký số"', () => {
  it('swaps the signed file into the component and its queued upload', () => {
    const store = open();
    const saved = store.save(sampleDossier('a', { attachments: 1 }), 'c');
    const [pending] = store.unsignedDossiers();
    expect(pending?.code).toBe(saved.code);
    const componentId = pending?.components[0]?.componentId ?? '';
    expect(store.adoptSignedComponents(saved.id, [{ componentId, pdf: SIGNED }], 7, 'it')).toBe(
      true,
    );
    const view = store.get(saved.id, 't');
    expect(view.signed).toBe(true);
    const upload = store.outbox.due(Date.now() + 1000, 10)[0];
    expect(upload?.op).toBe('upload-file');
    expect(upload?.payload.blobSha256).toBe(view.components[0]?.sha256);
    expect(new Uint8Array(store.outbox.readBlob(upload?.payload.blobSha256 ?? ''))).toEqual(SIGNED);
    expect(store.unsignedDossiers()).toHaveLength(0);
    store.close();
  });

  it('an upload of the unsigned file already in flight links nothing when it completes', () => {
    const store = open();
    const saved = store.save(sampleDossier('b', { attachments: 1 }), 'c');
    const inFlight = store.outbox.due(Date.now() + 1000, 10)[0];
    const componentId = store.unsignedDossiers()[0]?.components[0]?.componentId ?? '';
    store.adoptSignedComponents(saved.id, [{ componentId, pdf: SIGNED }], 7, 'it');
    store.outbox.complete(inFlight?.id ?? '', { fileUrl: 'http://127.0.0.1/old', fileId: 'old' });
    expect(store.get(saved.id, 't').components[0]?.portalFileId).toBeNull();
    expect(store.outbox.due(Date.now() + 1000, 10)[0]?.op).toBe('upload-file');
    store.close();
  });

  it('a dossier whose file the portal already acknowledged is no longer signable, and is left as it is', () => {
    const store = open();
    const saved = store.save(sampleDossier('c', { attachments: 1 }), 'c');
    const componentId = store.unsignedDossiers()[0]?.components[0]?.componentId ?? '';
    const upload = store.outbox.due(Date.now() + 1000, 10)[0];
    store.outbox.complete(upload?.id ?? '', { fileUrl: 'http://127.0.0.1/f', fileId: 'f' });
    expect(store.unsignedDossiers()).toHaveLength(0);
    expect(store.adoptSignedComponents(saved.id, [{ componentId, pdf: SIGNED }], 7, 'it')).toBe(
      false,
    );
    expect(store.get(saved.id, 't').signed).toBe(false);
    store.close();
  });
});
