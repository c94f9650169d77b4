/**
 * Returning a result (issue 17): find the dossier by its code or the
 * receipt's QR text, ask the portal where it stands (TraCuuHoSo, bounded),
 * check who collects, sign each result PDF when a signer is configured,
 * print the hand-over slip, and record the return with its status events
 * queued behind the dossier's create. Every refusal is a typed error with
 * what to do next; nothing is recorded unless everything passed.
 */
import { TrangThaiHoSoSchema } from '../portal-contract/dong-bo-ho-so';
import { findDossierCode } from '../lookup/dossier-code-query';
import type { ChipRead } from '../intake/applicant-check';
import type { Portal } from '../portal/portal';
import type { DossierStore } from '../store/dossier-store';
import { StoreError } from '../store/store-error';
import type { FormContext } from '../forms/form-data';
import { renderHandoverSlip } from '../forms/render-handover-slip';
import { askPortal, checkReadiness, DEFAULT_ASK_TIMEOUT_MS, type PortalAnswer } from './readiness';
import { checkReceiver, type Receiver } from './receiver-check';
import { ReturnError } from './return-error';
import { RESULT_SIGN_REASON, type ResultSigner } from './result-signer';

export interface ReturnServiceDeps {
  readonly store: DossierStore;
  /** Null when no portal is configured: every return then needs the in-hand confirmation. */
  readonly portal: Pick<Portal, 'lookup'> | null;
  readonly signer: ResultSigner | null;
  readonly forms: Omit<FormContext, 'date' | 'staffName'>;
  readonly portalTimeoutMs?: number;
  readonly now?: () => number;
}

export interface ReturnRequest {
  /** The dossier code, typed or read from the receipt's QR. */
  readonly codeOrQr: string;
  readonly results: readonly {
    readonly name: string;
    readonly componentCode?: string;
    readonly pdf: Uint8Array;
  }[];
  readonly receiver: Receiver;
  readonly lastChipRead: ChipRead | null;
  readonly offlineInHand: boolean;
  readonly staff: { readonly name: string; readonly title?: string };
}

export interface ReturnOutcome {
  readonly code: string;
  readonly returnedAt: number;
  readonly slipPdf: Uint8Array;
  readonly signed: boolean;
  readonly offlineInHand: boolean;
  readonly portalStatusSeen: string | null;
}

const isPdf = (b: Uint8Array): boolean =>
  b.length > 5 && Buffer.from(b.subarray(0, 5)).toString('latin1') === '%PDF-';

export class ReturnService {
  readonly #d: ReturnServiceDeps;

  constructor(deps: ReturnServiceDeps) {
    this.#d = deps;
  }

  /** TraCuuHoSo within the time bound; a portal that cannot answer is "unreachable". */
  askPortal(code: string): Promise<PortalAnswer> {
    return askPortal(this.#d.portal, code, this.#d.portalTimeoutMs ?? DEFAULT_ASK_TIMEOUT_MS);
  }

  async returnResult(req: ReturnRequest, actor: string): Promise<ReturnOutcome> {
    const { store } = this.#d;
    const code = findDossierCode(req.codeOrQr);
    if (code === null) {
      throw new StoreError(
        'DOSSIER_NOT_FOUND',
        'Không đọc được mã hồ sơ. Nhập mã dạng 000.00.00.H00-YYMMDD-0000 hoặc quét mã QR trên giấy tiếp nhận.',
        'No dossier code in the input.',
      );
    }
    const dossier = store.get(code, actor);
    if (dossier.applicant === null) {
      throw new ReturnError(
        'RETURN_RECEIVER_MISMATCH',
        `Dữ liệu người nộp của hồ sơ ${code} đã bị xóa theo thời hạn lưu trữ; không đối chiếu được người nhận.`,
        `The applicant of ${code} was purged; the receiver cannot be checked.`,
      );
    }
    const local = store.returnOf(code);
    const readiness = checkReadiness(
      code,
      local?.returnedAt ?? null,
      await this.askPortal(code),
      req.offlineInHand,
    );
    const receiver = checkReceiver(
      req.receiver,
      { name: dossier.applicant.name, idNumber: dossier.applicant.idNumber },
      req.lastChipRead,
    );
    if (req.results.length === 0 || req.results.some((r) => !isPdf(r.pdf))) {
      throw new ReturnError(
        'RETURN_RESULT_INVALID',
        'Cần ít nhất một tệp kết quả PDF đọc được. Quét lại kết quả hoặc chọn tệp PDF khác.',
        'At least one readable result PDF is needed.',
      );
    }
    const signer = this.#d.signer;
    const results = await Promise.all(
      req.results.map(async (r) => ({
        name: r.name,
        componentCode: r.componentCode ?? '',
        pdf: signer === null ? r.pdf : await signer.signPdf(r.pdf, { reason: RESULT_SIGN_REASON }),
        signed: signer !== null,
      })),
    );
    const returnedAt = (this.#d.now ?? Date.now)();
    const byPost = receiver.kind === 'post';
    const postAddress = req.receiver.kind === 'post' ? req.receiver.address : null;
    const slipPdf = await renderHandoverSlip(
      {
        code,
        procedureCode: dossier.procedureCode,
        procedureName: dossier.procedureName,
        applicantName: dossier.applicant.name,
        applicantId: dossier.applicant.idNumber,
        receivedAt: new Date(dossier.receivedAt),
        dueAt: new Date(dossier.dueAt),
      },
      { ...this.#d.forms, date: new Date(returnedAt), staffName: req.staff.name },
      {
        returnedAt: new Date(returnedAt),
        receiverKind: receiver.kind,
        receiverName: receiver.name,
        postAddress,
        results,
        offlineInHand: readiness.offlineInHand,
      },
    );
    store.recordReturn(
      {
        dossierId: dossier.id,
        returnedAt,
        hinhThuc: byPost ? '1' : '0',
        receiver: {
          kind: receiver.kind,
          source: receiver.source,
          name: receiver.name,
          idNumber: receiver.idNumber,
        },
        letter: receiver.letter,
        postAddress,
        portalStatusSeen: TrangThaiHoSoSchema.nullable().parse(readiness.portalStatusSeen),
        offlineInHand: readiness.offlineInHand,
        results,
        slip: slipPdf,
        returnInfo: byPost
          ? 'Trả kết quả qua dịch vụ bưu chính công ích'
          : receiver.kind === 'authorised'
            ? 'Trả kết quả tại quầy cho người được ủy quyền'
            : 'Trả kết quả tại quầy cho người nộp hồ sơ',
        handler: {
          name: req.staff.name,
          ...(req.staff.title === undefined ? {} : { title: req.staff.title }),
          unit: this.#d.forms.unitName,
        },
      },
      actor,
    );
    return {
      code,
      returnedAt,
      slipPdf,
      signed: signer !== null,
      offlineInHand: readiness.offlineInHand,
      portalStatusSeen: readiness.portalStatusSeen,
    };
  }
}
