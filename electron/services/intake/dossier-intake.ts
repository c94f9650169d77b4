import { isEmail, isPhone } from '../../api/contract/form-rules';
import type { Procedure } from '../../api/contract/procedure';
import type { NewDossierRequest } from '../../api/contract/reception';
import { KioskError } from '../../api/errors';
import type { NewDossierInput } from '../store/dossier-input';
import type { SavedDossier } from '../store/dossier-writer';
import type { KeyedDossier } from '../store/save-keys';
import { checkApplicant, type ChipRead } from './applicant-check';
import type { AssembledComponent } from '../components/component-assemble';
import { formIssues, problemText, type FormIssue } from './form-issues';
import {
  closeQuietly,
  RECEIPT_SIGN_REASON,
  signComponents,
  type ComponentSigning,
  type OpenSigner,
  type SigningLog,
} from './intake-signing';
import { signingErrorCodes, type SigningErrorCode } from '../../api/errors';

/** The component jobs' part the intake needs (ComponentJobs fits). */
export interface ComponentSource {
  assemble(jobId: string, pageOrder: readonly number[]): Promise<AssembledComponent>;
  discard(jobId: string): unknown;
}

export interface IntakeStore {
  save(input: NewDossierInput, actor: string): SavedDossier;
  keepReceipt(dossierId: string, pdf: Uint8Array, signedAt: number | null): void;
  savedByKey(saveKey: string): KeyedDossier | null;
  readonly outbox: { depth(): { pending: number; parked: number } };
}

export interface IntakeDeps {
  /** The catalogue's procedure, or null when there is no such code. */
  readonly procedure: (code: string) => Procedure | null | Promise<Procedure | null>;
  readonly jobs: ComponentSource;
  /** The appointment (hẹn trả) for a dossier received at `receivedAt`, epoch ms. */
  readonly dueAt: (receivedAt: number, procedure: Procedure) => number | Promise<number>;
  readonly store: IntakeStore;
  /** The card service's last successful read, null when none. */
  readonly lastRead: () => ChipRead | null;
  /** The receiving agency's name, when the procedure names none. */
  readonly agencyName: string;
  readonly now?: () => number;
  /** The agency's token for this save; absent or answering null: saved "chưa ký số". */
  readonly signer?: OpenSigner;
  /** /Location of the signatures (the agency's place). */
  readonly signLocation?: string;
  /** The receipt of a saved dossier, freshly rendered (ReceiptService.renderFresh). */
  readonly receipt?: (dossierId: string, actor: string) => Promise<Uint8Array>;
  readonly log: SigningLog;
}

/** Who is receiving: the counter's clerk, or the citizen at a self-service kiosk. */
export interface Receiver {
  readonly channel: 'counter' | 'kiosk';
  readonly staffId?: string | undefined;
  /** For the audit log. */
  readonly actor: string;
}

/** Keys the e-form cannot have (its keys start with a letter) for what the receipt needs later. */
export const RECEIPT_KEYS = { address: '_applicantAddress', sets: '_sets' } as const;

export interface CreatedDossier {
  readonly id: string;
  readonly code: string;
  readonly receivedAt: number;
  readonly dueAt: number;
  readonly depth: { pending: number; parked: number };
  /** The component PDFs (and the kept receipt) carry the agency's signature. */
  readonly signed: boolean;
  /** Why not (the SigningError code): what the screen tells the clerk to do. */
  readonly unsignedReason: SigningErrorCode | null;
}

/**
 * `dossier.create`: checks the request against the procedure, rebuilds the
 * components from their jobs, and commits the dossier with its outbox rows
 * before answering; the jobs' files are discarded only after the commit.
 * A request whose save key already saved a dossier answers that dossier
 * first, before anything else: its jobs are gone by then (discarded after the
 * commit, or with the core that died before answering), and saving again
 * would make a second dossier of one reception.
 */
export class DossierIntake {
  readonly #deps: IntakeDeps;
  /** Jobs of the saves in flight. */
  readonly #claimed = new Set<string>();

  constructor(deps: IntakeDeps) {
    this.#deps = deps;
  }

  async create(request: NewDossierRequest, receiver: Receiver): Promise<CreatedDossier> {
    const earlier = this.#earlier(request);
    if (earlier) return earlier;
    const procedure = await this.#deps.procedure(request.procedureCode);
    if (procedure === null) {
      throw new KioskError('PROCEDURE_NOT_FOUND', `No procedure ${request.procedureCode}`);
    }
    const form = formIssues(procedure.form.fields, request.formValues);
    const issues: FormIssue[] = [...form.issues, ...contactIssues(request.applicant)];
    request.components.forEach((c, i) => {
      if (!procedure.components.some((p) => p.code === c.code)) {
        issues.push({
          path: `components.${i}.code`,
          message: `Thủ tục này không có thành phần mã "${c.code}".`,
        });
      }
    });
    if (issues.length > 0) throw new KioskError('FORM_INVALID', 'The e-form has errors', issues);
    const missing = procedure.components.filter(
      (p) => p.required && !request.components.some((c) => c.code === p.code),
    );
    if (missing.length > 0) {
      throw new KioskError(
        'COMPONENT_MISSING',
        `Required components missing: ${missing.map((m) => m.code).join(', ')}`,
        missing.map((m) => ({ path: `components.${m.code}`, message: `Thiếu "${m.name}".` })),
      );
    }
    const citizen = request.applicant.citizen;
    checkApplicant(citizen, this.#deps.lastRead(), receiver.channel === 'kiosk');

    const jobIds = request.components.map((c) => c.jobId);
    if (new Set(jobIds).size !== jobIds.length || jobIds.some((j) => this.#claimed.has(j))) {
      // A double-clicked save, or one job named twice: never two dossiers from the same pages.
      throw new KioskError(
        'COMPONENT_NOT_FOUND',
        'A component job is already part of a dossier being saved, or is named twice',
      );
    }
    for (const j of jobIds) this.#claimed.add(j);
    try {
      return await this.#commit(request, procedure, form.values, receiver);
    } finally {
      for (const j of jobIds) this.#claimed.delete(j);
    }
  }

  async #commit(
    request: NewDossierRequest,
    procedure: Procedure,
    formValues: Record<string, string>,
    receiver: Receiver,
  ): Promise<CreatedDossier> {
    const built = [];
    for (const c of request.components) {
      built.push({ code: c.code, ...(await this.#deps.jobs.assemble(c.jobId, c.pageOrder)) });
    }
    const now = this.#deps.now ?? Date.now;
    const signing = await signComponents(
      this.#deps.signer ?? (() => null),
      request.pin,
      built.map((b) => b.bytes),
      { location: this.#deps.signLocation ?? '', now, log: this.#deps.log },
    );
    const components = built.map((b, i) => ({
      code: b.code,
      fileName: b.fileName,
      mime: b.mime,
      bytes: signing.pdfs[i] ?? b.bytes,
      pages: b.pages.map((p) => ({ bytes: p.bytes, ocrText: p.ocrText })),
    }));
    let saved: SavedDossier;
    let receivedAt: number;
    let dueAt: number;
    try {
      receivedAt = now();
      dueAt = await this.#deps.dueAt(receivedAt, procedure);
      saved = this.#save(request, procedure, formValues, receiver, components, signing, {
        receivedAt,
        dueAt,
      });
    } catch (error) {
      if (signing.signed) await closeQuietly(signing.signer, this.#deps.log);
      throw error;
    }
    if (saved.already) {
      // The same key saved meanwhile (a retry racing its first try): that one stands.
      if (signing.signed) await closeQuietly(signing.signer, this.#deps.log);
      const earlier = this.#earlier(request);
      if (earlier) return earlier;
    }
    if (signing.signed) await this.#keepSignedReceipt(saved.id, receiver.actor, signing);
    for (const c of request.components) {
      try {
        await this.#deps.jobs.discard(c.jobId);
      } catch (error) {
        // The dossier is saved; a job folder left behind is removed by session.end or the next start.
        this.#deps.log.warn({ err: error, jobId: c.jobId }, 'component job not discarded');
      }
    }
    return {
      id: saved.id,
      code: saved.code,
      receivedAt,
      dueAt,
      depth: this.#deps.store.outbox.depth(),
      signed: signing.signed,
      unsignedReason: signing.signed ? null : signing.reason,
    };
  }

  /** What the first save with this request's key answered, or undefined. */
  #earlier(request: NewDossierRequest): CreatedDossier | undefined {
    if (request.saveKey === undefined) return undefined;
    const found = this.#deps.store.savedByKey(request.saveKey);
    if (found === null) return undefined;
    if (found.procedureCode !== request.procedureCode) {
      throw new KioskError(
        'INVALID_PAYLOAD',
        'This save key already saved a dossier of another procedure',
      );
    }
    const signed = found.signedAt !== null;
    return {
      id: found.id,
      code: found.code,
      receivedAt: found.receivedAt,
      dueAt: found.dueAt,
      depth: this.#deps.store.outbox.depth(),
      signed,
      unsignedReason: signed ? null : unsignedReasonOf(found.signError),
    };
  }

  /**
   * The receipt of a signed dossier is signed in the same token session and
   * kept, so every reprint is that signed file. It is made after the save
   * (it shows the dossier's code); failing here leaves the dossier saved and
   * the receipt rendered again, unsigned, when printed.
   */
  async #keepSignedReceipt(
    dossierId: string,
    actor: string,
    signing: Extract<ComponentSigning, { signed: true }>,
  ): Promise<void> {
    try {
      if (this.#deps.receipt === undefined) return;
      const pdf = await this.#deps.receipt(dossierId, actor);
      const location = this.#deps.signLocation ?? '';
      const signed = await signing.signer.signPdf(pdf, {
        reason: RECEIPT_SIGN_REASON,
        ...(location === '' ? {} : { location }),
      });
      this.#deps.store.keepReceipt(dossierId, signed.pdf, signed.signingTime.getTime());
    } catch (error) {
      this.#deps.log.warn(
        { dossierId, code: error instanceof KioskError ? error.code : 'INTERNAL' },
        'signed receipt not kept; it is rendered unsigned when printed',
      );
    } finally {
      await closeQuietly(signing.signer, this.#deps.log);
    }
  }

  #save(
    request: NewDossierRequest,
    procedure: Procedure,
    formValues: Record<string, string>,
    receiver: Receiver,
    components: NewDossierInput['components'],
    signing: ComponentSigning,
    dates: { readonly receivedAt: number; readonly dueAt: number },
  ): SavedDossier {
    const citizen = request.applicant.citizen;
    const { receivedAt, dueAt } = dates;
    return this.#deps.store.save(
      {
        procedure: {
          code: procedure.code,
          name: procedure.name,
          ...(procedure.fieldCode === null ? {} : { fieldCode: procedure.fieldCode }),
          ...(procedure.fieldName === null ? {} : { fieldName: procedure.fieldName }),
        },
        applicant: {
          kind: '1',
          name: citizen.fullName,
          idNumber: citizen.id,
          email: request.applicant.email ?? '',
          phone: request.applicant.phone ?? '',
          source: citizen.source,
        },
        summary: `${procedure.name} – ${citizen.fullName}`,
        formValues: {
          ...formValues,
          [RECEIPT_KEYS.address]:
            addressOf(procedure, formValues) ?? citizen.placeOfResidence ?? '',
          [RECEIPT_KEYS.sets]: String(request.sets ?? 1),
        },
        ...(request.notes === undefined || request.notes.trim() === ''
          ? {}
          : { notes: request.notes }),
        receivedAt,
        dueAt,
        channel: receiver.channel,
        ...(receiver.staffId === undefined ? {} : { staffId: receiver.staffId }),
        status: '2',
        deliveryMode: request.deliveryMode ?? '0',
        processingUnit: procedure.agency.trim() === '' ? this.#deps.agencyName : procedure.agency,
        components,
        signature: signing.signed
          ? { signedAt: signing.signedAt }
          : { unsignedReason: signing.reason },
        ...(request.saveKey === undefined ? {} : { saveKey: request.saveKey }),
      },
      receiver.actor,
    );
  }
}

function unsignedReasonOf(code: string | null): SigningErrorCode {
  return signingErrorCodes.find((c) => c === code) ?? 'SIGNING_FAILED';
}

/** The residence the e-form holds (the field the chip's placeOfResidence fills), as the clerk left it. */
function addressOf(
  procedure: Procedure,
  values: Readonly<Record<string, string>>,
): string | undefined {
  const key = procedure.form.fields.find((f) => f.fill === 'placeOfResidence')?.key;
  return key === undefined ? undefined : values[key];
}

function contactIssues(applicant: NewDossierRequest['applicant']): FormIssue[] {
  const issues: FormIssue[] = [];
  const phone = applicant.phone ?? '';
  const email = applicant.email ?? '';
  if (phone !== '' && !isPhone(phone)) {
    issues.push({ path: 'applicant.phone', message: problemText('phone') });
  }
  if (email !== '' && !isEmail(email)) {
    issues.push({ path: 'applicant.email', message: problemText('email') });
  }
  return issues;
}
