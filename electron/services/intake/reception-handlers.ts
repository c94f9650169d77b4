import { connectionOf, type CallContext, type HandlerGroup } from '../../api/dispatcher';
import { KioskError } from '../../api/errors';
import { requireStaff } from '../auth/require-staff';
import type { StaffSession } from '../auth/staff-session';
import type { ComponentMethods } from '../components/component-handlers';
import type { DossierIntake } from './dossier-intake';
import type { LookupThrottle } from '../lookup/lookup-throttle';
import type { ReceiptService } from '../receipt/receipt-service';
import type { SignPendingReport } from './sign-pending';
import type { StatusLookupService } from '../lookup/status-lookup';

type ScanMethods = 'scan.devices' | 'scan.start' | 'scan.cancel';
export type ReceptionMethods =
  | ScanMethods
  | ComponentMethods
  | 'dossier.create'
  | 'dossier.receipt'
  | 'dossier.signPending'
  | 'status.lookup';

/** The dossiers received in the current citizen session of a self-service kiosk. */
export class KioskSessionDossiers {
  readonly #ids = new Set<string>();
  readonly #codes = new Set<string>();

  add(id: string, code: string): void {
    this.#ids.add(id);
    this.#codes.add(code);
  }

  has(idOrCode: string): boolean {
    return this.#ids.has(idOrCode) || this.#codes.has(idOrCode);
  }

  /** session.end: the next citizen gets no receipt of this one's dossiers. */
  clear(): void {
    this.#ids.clear();
    this.#codes.clear();
  }
}

export interface ReceptionHandlerDeps {
  /** config.mode: a counter ('staff') or a citizen self-service kiosk. */
  readonly mode: 'staff' | 'kiosk';
  readonly staff: StaffSession;
  readonly intake: DossierIntake;
  readonly receipts: ReceiptService;
  /** Signs the pending unsigned dossiers with the token opened by `pin` (sign-pending.ts). */
  readonly signPending: (pin: string, actor: string) => Promise<SignPendingReport>;
  readonly lookup: StatusLookupService;
  readonly scan: HandlerGroup<ScanMethods>;
  readonly components: HandlerGroup<ComponentMethods>;
  readonly session: KioskSessionDossiers;
  /** Bounds lookups per connection, staff included (codes are sequential). */
  readonly lookupThrottle: LookupThrottle;
  /** Who the audit log names when nobody is signed in (kiosk mode). */
  readonly anonymousActor: string;
}

/**
 * Reception's methods with who may call them (the renderer is untrusted).
 * Counter: staff sign-in for everything but status.lookup. Self-service
 * kiosk: the citizen's session scans, discards, saves dossiers whose applicant
 * the chip vouches for, and prints only its own receipts; importing a file
 * needs staff (a kiosk has no file picker for citizens).
 */
export function createReceptionHandlers(
  deps: ReceptionHandlerDeps,
): HandlerGroup<ReceptionMethods> {
  const { staff, session } = deps;
  const actor = (context: CallContext): string =>
    staff.current(context)?.username ?? deps.anonymousActor;
  const open: HandlerGroup<'dossier.create' | 'dossier.receipt'> = {
    'dossier.create': async (params, context) => {
      const clerk = staff.current(context);
      const created = await deps.intake.create(params, {
        channel: deps.mode === 'kiosk' ? 'kiosk' : 'counter',
        staffId: clerk?.id,
        actor: actor(context),
      });
      if (deps.mode === 'kiosk') session.add(created.id, created.code);
      return created;
    },
    'dossier.receipt': async ({ idOrCode }, context) => {
      if (deps.mode === 'kiosk' && staff.current(context) === undefined && !session.has(idOrCode)) {
        throw new KioskError(
          'AUTH_REQUIRED',
          'At a self-service kiosk only the receipts of this session can be printed',
        );
      }
      const receipt = await deps.receipts.render(idOrCode, actor(context));
      return {
        fileName: receipt.fileName,
        pdfBase64: Buffer.from(receipt.pdf).toString('base64'),
        pages: receipt.pages,
      };
    },
  };
  const signing: HandlerGroup<'dossier.signPending'> = {
    'dossier.signPending': async ({ pin }, context) => {
      const report = await deps.signPending(pin, actor(context));
      return { signed: [...report.signed], alreadySent: [...report.alreadySent] };
    },
  };
  const lookup: HandlerGroup<'status.lookup'> = {
    'status.lookup': ({ query }, context) => {
      const clerk = staff.current(context);
      deps.lookupThrottle.take({
        connection: connectionOf(context),
        ...(clerk ? { staff: clerk.username } : {}),
      });
      return deps.lookup.lookup(query);
    },
  };
  if (deps.mode === 'staff') {
    return {
      ...requireStaff(staff, deps.scan),
      ...requireStaff(staff, deps.components),
      ...requireStaff(staff, open),
      ...requireStaff(staff, signing),
      ...lookup,
    };
  }
  return {
    ...deps.scan,
    ...requireStaff(staff, {
      'component.import': deps.components['component.import'],
      'component.importUpload': deps.components['component.importUpload'],
    }),
    'component.discard': deps.components['component.discard'],
    ...open,
    ...requireStaff(staff, signing),
    ...lookup,
  };
}
