import { PDFDocument } from 'pdf-lib';
import type { DossierView } from '../../api/contract/dossier';
import type { Procedure } from '../../api/contract/procedure';
import { KioskError } from '../../api/errors';
import type { ReceiptData } from '.';
import { buildReceiptData, type ReceiptSettings } from './receipt-builder';

export interface ReceiptDeps {
  /** The store's audited read (DossierStore.get); throws DOSSIER_NOT_FOUND. */
  readonly dossier: (idOrCode: string, actor: string) => DossierView;
  readonly procedure: (code: string) => Procedure | null | Promise<Procedure | null>;
  /** A staff account's name by id, for the "người tiếp nhận" line. */
  readonly staffName: (staffId: string) => string | null;
  readonly render: (data: ReceiptData) => Promise<Uint8Array>;
  /** The receipt kept at save (signed), by dossier id; absent or null: rendered afresh. */
  readonly stored?: (dossierId: string) => Uint8Array | null;
  readonly settings: ReceiptSettings;
}

export interface RenderedReceipt {
  readonly fileName: string;
  readonly pdf: Uint8Array;
  readonly pages: number;
}

/**
 * The receipt (Mẫu 01) of a saved dossier. A failure to build or render it
 * is RECEIPT_FAILED: the dossier stays saved and the receipt can be printed
 * again later (`kiosk receipt`).
 */
export class ReceiptService {
  readonly #deps: ReceiptDeps;

  constructor(deps: ReceiptDeps) {
    this.#deps = deps;
  }

  /** The kept signed receipt when there is one (a reprint is the same signed file), else a fresh one. */
  async render(idOrCode: string, actor: string): Promise<RenderedReceipt> {
    return this.#render(idOrCode, actor, true);
  }

  /** Always a new rendering (the one the intake signs and keeps). */
  async renderFresh(idOrCode: string, actor: string): Promise<RenderedReceipt> {
    return this.#render(idOrCode, actor, false);
  }

  async #render(idOrCode: string, actor: string, kept: boolean): Promise<RenderedReceipt> {
    const dossier = this.#deps.dossier(idOrCode, actor);
    try {
      const stored = kept ? (this.#deps.stored?.(dossier.id) ?? null) : null;
      if (stored !== null) {
        const pages = (await PDFDocument.load(stored)).getPageCount();
        return { fileName: `giay-tiep-nhan-${dossier.code}.pdf`, pdf: stored, pages };
      }
      const procedure = await this.#deps.procedure(dossier.procedureCode);
      const receiver =
        dossier.channel === 'kiosk' || dossier.staffId === null
          ? null
          : this.#deps.staffName(dossier.staffId);
      const pdf = await this.#deps.render(
        buildReceiptData(dossier, procedure, this.#deps.settings, receiver),
      );
      const pages = (await PDFDocument.load(pdf)).getPageCount();
      return { fileName: `giay-tiep-nhan-${dossier.code}.pdf`, pdf, pages };
    } catch (error) {
      if (error instanceof KioskError && error.code === 'RECEIPT_FAILED') throw error;
      throw new KioskError(
        'RECEIPT_FAILED',
        `Receipt of ${dossier.code} not made: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
