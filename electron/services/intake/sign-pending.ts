/**
 * Signing later (issue 12 item 5): dossiers saved "chưa ký số" (no token, a
 * wrong PIN, the token pulled out) are signed when the token is back, as
 * long as none of their files has left for the portal yet. The store swaps
 * the signed files and their uploads in one transaction, so the portal gets
 * only the signed ones; a dossier that synced meanwhile keeps its unsigned
 * files and is reported as such.
 */
import type { DocumentSigner } from '../signing/document-signer';
import type { UnsignedDossier } from '../store/dossier-late-signing';
import {
  closeQuietly,
  COMPONENT_SIGN_REASON,
  RECEIPT_SIGN_REASON,
  type SigningLog,
} from './intake-signing';

export interface SignPendingStore {
  unsignedDossiers(): UnsignedDossier[];
  readonly outbox: { readBlob(sha256: string): Uint8Array };
  adoptSignedComponents(
    dossierId: string,
    signed: readonly { readonly componentId: string; readonly pdf: Uint8Array }[],
    signedAt: number,
    actor: string,
  ): boolean;
  keepReceipt(dossierId: string, pdf: Uint8Array, signedAt: number | null): void;
}

export interface SignPendingDeps {
  readonly store: SignPendingStore;
  readonly signer: DocumentSigner;
  /** A fresh rendering of a dossier's receipt, to be signed and kept. */
  readonly receipt?: (dossierId: string, actor: string) => Promise<Uint8Array>;
  readonly location?: string;
  readonly actor: string;
  readonly now?: () => number;
  readonly log: SigningLog;
}

export interface SignPendingReport {
  /** Codes of the dossiers now signed. */
  readonly signed: readonly string[];
  /** Codes of those that synced while being signed: their unsigned files stand. */
  readonly alreadySent: readonly string[];
}

/**
 * Signs every pending unsigned dossier with one token session, then closes
 * it. A SigningError (token pulled out again, certificate expired…) stops
 * the run and is thrown; the dossiers signed before it stay signed.
 */
export async function signPending(deps: SignPendingDeps): Promise<SignPendingReport> {
  const now = deps.now ?? Date.now;
  const where =
    deps.location === undefined || deps.location === '' ? {} : { location: deps.location };
  const signed: string[] = [];
  const alreadySent: string[] = [];
  try {
    for (const dossier of deps.store.unsignedDossiers()) {
      const pdfs = [];
      for (const c of dossier.components) {
        const out = await deps.signer.signPdf(deps.store.outbox.readBlob(c.sha256), {
          reason: COMPONENT_SIGN_REASON,
          ...where,
          appearance: { visible: false },
        });
        pdfs.push({ componentId: c.componentId, pdf: out.pdf });
      }
      if (!deps.store.adoptSignedComponents(dossier.id, pdfs, now(), deps.actor)) {
        alreadySent.push(dossier.code);
        continue;
      }
      signed.push(dossier.code);
      await keepReceipt(deps, dossier.id, where);
    }
    return { signed, alreadySent };
  } finally {
    await closeQuietly(deps.signer, deps.log);
  }
}

/** As at save: a receipt that cannot be made now is rendered, unsigned, when printed. */
async function keepReceipt(
  deps: SignPendingDeps,
  dossierId: string,
  where: { readonly location?: string },
): Promise<void> {
  if (deps.receipt === undefined) return;
  try {
    const pdf = await deps.receipt(dossierId, deps.actor);
    const out = await deps.signer.signPdf(pdf, { reason: RECEIPT_SIGN_REASON, ...where });
    deps.store.keepReceipt(dossierId, out.pdf, out.signingTime.getTime());
  } catch (error) {
    deps.log.warn(
      { dossierId, detail: error instanceof Error ? error.message : String(error) },
      'signed receipt not kept; it is rendered unsigned when printed',
    );
  }
}
