/**
 * The API's side of returning a result: `return.byCard`, `return.check` and
 * `return.record` (electron/api/contract/returns.ts). The receiver's identity is the card
 * the core read last, never what the page sends; the token's PIN is used
 * for the one call and dropped. Staff gating is the composition root's.
 */
import type { CitizenWire } from '../../api/contract/citizen';
import type { HandlerGroup } from '../../api/dispatcher';
import type { CallContext } from '../../api/dispatcher';
import { TrangThaiHoSoSchema } from '../../api/contract/dossier';
import { LETTER_MIMES, letterMime } from '../../api/contract/letter-type';
import { findDossierCode } from '../lookup/dossier-code-query';
import type { ComponentJobs } from '../components/component-jobs';
import type { UploadStore } from '../uploads/upload-store';
import type { DossierStore } from '../store/dossier-store';
import { StoreError } from '../store/store-error';
import type { TokenSignerSettings } from '../signing/token-signer';
import type { Receiver } from './receiver-check';
import type { ResultSigner } from './result-signer';
import { resultBytes, scanJobsOf } from './result-files';
import { ReturnError } from './return-error';
import type { ReturnService } from './return-service';
import { openResultSigner } from './token-result-signer';

export type ReturnMethods = 'return.byCard' | 'return.check' | 'return.record';

export interface ReturnHandlerDeps {
  readonly store: DossierStore;
  /** A return service using `signer` (null: results stay "chưa ký số"). */
  readonly service: (signer: ResultSigner | null) => ReturnService;
  readonly signing: TokenSignerSettings;
  /** The agency's place, written as the signature's /Location. */
  readonly place: string;
  readonly lastRead: () => CitizenWire | null;
  /** Result files the browser shell uploaded over HTTP (`uploadId`), each taken once. */
  readonly uploads: Pick<UploadStore, 'take'>;
  /** Results scanned at the counter: the same scan jobs (pages + OCR) intake builds components from. */
  readonly jobs: Pick<ComponentJobs, 'assemble' | 'discard'>;
  /** The signed-in clerk: the audit actor and the name on the slip. */
  readonly staffOf: (context: CallContext) => { readonly actor: string; readonly name: string };
}

const fromBase64 = (b64: string): Uint8Array => new Uint8Array(Buffer.from(b64, 'base64'));

function codeOf(query: string): string {
  const code = findDossierCode(query);
  if (code === null) {
    throw new StoreError(
      'DOSSIER_NOT_FOUND',
      'Không đọc được mã hồ sơ. Nhập mã dạng 000.00.00.H00-YYMMDD-0000 hoặc quét mã QR trên giấy tiếp nhận.',
      'No dossier code in the input.',
    );
  }
  return code;
}

function chipReceiver(lastRead: CitizenWire | null): CitizenWire {
  if (lastRead === null) {
    throw new ReturnError(
      'RETURN_RECEIVER_MISMATCH',
      'Chưa đọc thẻ Căn cước của người nhận. Đặt thẻ lên đầu đọc, bấm "Đọc thẻ" rồi trả lại.',
      'No chip read of the receiver yet.',
    );
  }
  return lastRead;
}

/** The letter as kept with the return, when its bytes are one of the letter types. */
function letterBytes(bytes: Uint8Array): Uint8Array {
  if (letterMime(bytes) === null) {
    throw new ReturnError(
      'RETURN_LETTER_REQUIRED',
      'Giấy ủy quyền phải là tệp PDF, JPEG hoặc PNG. Quét lại giấy ủy quyền hoặc chọn tệp khác.',
      'The authorisation letter must be a PDF, JPEG or PNG file.',
    );
  }
  return bytes;
}

export function createReturnHandlers(deps: ReturnHandlerDeps): HandlerGroup<ReturnMethods> {
  const { store } = deps;
  return {
    'return.byCard': (_params, context) => {
      const chip = chipReceiver(deps.lastRead());
      const dossiers = store.openDossiersOf(chip.id, deps.staffOf(context).actor);
      return {
        dossiers: dossiers.map((d) => ({
          code: d.code,
          procedureName: d.procedureName,
          receivedAt: d.receivedAt,
          dueAt: d.dueAt,
          localStatus: TrangThaiHoSoSchema.parse(d.status),
          portalStatus: d.portalStatus,
        })),
      };
    },
    'return.check': async ({ query }, context) => {
      const code = codeOf(query);
      const dossier = store.get(code, deps.staffOf(context).actor);
      const portal = await deps.service(null).askPortal(code);
      const returned = store.returnOf(code);
      return {
        code,
        procedureName: dossier.procedureName,
        applicantName: dossier.applicant?.name ?? null,
        receivedAt: dossier.receivedAt,
        dueAt: dossier.dueAt,
        localStatus: dossier.status,
        portal,
        ready: returned === null && portal.kind === 'status' && portal.status === '9',
        deliveryMode: dossier.deliveryMode,
        returned:
          returned === null
            ? null
            : {
                returnedAt: returned.returnedAt,
                receiverName: returned.receiverName,
                hinhThuc: returned.hinhThuc,
              },
        signingConfigured: deps.signing.pkcs11Module !== '',
      };
    },
    'return.record': async (params, context) => {
      const staff = deps.staffOf(context);
      const r = params.receiver;
      const receiver: Receiver =
        r.kind === 'post'
          ? { kind: 'post', address: r.address ?? null }
          : r.kind === 'applicant'
            ? { kind: 'applicant', citizen: chipReceiver(deps.lastRead()) }
            : {
                kind: 'authorised',
                citizen: chipReceiver(deps.lastRead()),
                letter: letterBytes(
                  'letterUploadId' in r
                    ? new Uint8Array(deps.uploads.take(r.letterUploadId, LETTER_MIMES))
                    : fromBase64(r.letterBase64),
                ),
              };
      const chip = deps.lastRead();
      const results = await resultBytes(params.results, deps);
      const signing = openResultSigner(deps.signing, params.pin, deps.place);
      try {
        const outcome = await deps.service(signing?.signer ?? null).returnResult(
          {
            codeOrQr: params.query,
            results,
            receiver,
            lastChipRead:
              chip === null
                ? null
                : { id: chip.id, fullName: chip.fullName, birthDate: chip.birthDate },
            offlineInHand: params.offlineInHand,
            staff: { name: staff.name },
          },
          staff.actor,
        );
        // Kept until the return is recorded, so a refused attempt (a wrong PIN) can be retried without scanning again.
        for (const jobId of scanJobsOf(params.results)) await deps.jobs.discard(jobId);
        return {
          code: outcome.code,
          returnedAt: outcome.returnedAt,
          signed: outcome.signed,
          offlineInHand: outcome.offlineInHand,
          portalStatusSeen: outcome.portalStatusSeen,
          slipFileName: `phieu-tra-ket-qua-${outcome.code}.pdf`,
          slipPdfBase64: Buffer.from(outcome.slipPdf).toString('base64'),
          depth: store.outbox.depth(),
        };
      } finally {
        await signing?.close();
      }
    },
  };
}
