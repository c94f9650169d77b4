/**
 * Saves `count` dossiers with small attachments through the real store
 * (the DossierStore), for the sync tests and the queue bench.
 */
import { createHash } from 'node:crypto';
import { DossierStore } from '../../../electron/services/store/dossier-store';

export const TEST_AGENCY = '000.00.00.H00';

export interface SeededDossier {
  readonly id: string;
  readonly code: string;
  /** SHA-256 of each attachment, in component order. */
  readonly attachmentHashes: readonly string[];
}

/** Deterministic bytes, distinct per dossier and component, so no two uploads share content. */
function attachment(i: number, j: number, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = (i * 7919 + j * 104729 + 1) >>> 0;
  for (let k = 0; k < size; k++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[k] = x >>> 24;
  }
  return out;
}

export function seedDossiers(
  dataDir: string,
  count: number,
  options: { attachments?: number; attachmentBytes?: number; now?: number } = {},
): SeededDossier[] {
  const attachments = options.attachments ?? 2;
  const size = options.attachmentBytes ?? 2048;
  const now = options.now ?? Date.now();
  const store = DossierStore.open({ dataDir, agencyCode: TEST_AGENCY });
  try {
    const inputs = Array.from({ length: count }, (_, i) => ({
      procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
      applicant: {
        kind: '1' as const,
        name: `Nguyễn Văn Thử ${i}`,
        phone: '0912345678',
        source: 'typed' as const,
      },
      summary: `Đăng ký khai sinh (thử ${i})`,
      receivedAt: now,
      dueAt: now + 24 * 3600_000,
      channel: 'counter' as const,
      processingUnit: 'UBND xã Thử nghiệm',
      components: Array.from({ length: attachments }, (_, j) => ({
        code: `TP${j + 1}`,
        fileName: `tep-${i}-${j}.bin`,
        mime: 'application/octet-stream',
        bytes: attachment(i, j, size),
      })),
    }));
    const seeded: SeededDossier[] = [];
    for (let start = 0; start < inputs.length; start += 100) {
      for (const [k, saved] of store.saveAll(inputs.slice(start, start + 100), 'test').entries()) {
        const input = inputs[start + k]!;
        seeded.push({
          id: saved.id,
          code: saved.code,
          attachmentHashes: input.components.map((c) =>
            createHash('sha256').update(c.bytes).digest('hex'),
          ),
        });
      }
    }
    return seeded;
  } finally {
    store.close();
  }
}
