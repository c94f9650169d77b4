import { join, resolve } from 'node:path';
import type { HandlerGroup } from '../api/dispatcher';
import type { EventHub } from '../api/event-hub';
import type { StaffAccounts } from '../services/auth/staff-accounts';
import type { StaffSession } from '../services/auth/staff-session';
import { dueDate, loadCalendar, type WorkingCalendar } from '../services/calendar';
import { createCatalogueHandlers } from '../services/catalogue/catalogue-handlers';
import { ProcedureCatalogue } from '../services/catalogue/procedure-catalogue';
import type { CardService } from '../services/card/card-service';
import type { Config } from '../services/config/config-schema';
import type { Logger } from '../services/log/logger';
import type { OcrPool } from '../services/ocr/ocr-pool';
import type { ComponentPdfBuilder } from '../../scanners/pipeline/component-pdf';
import type { PageCleaner } from '../../scanners/pipeline/page-pipeline';
import { createComponentHandlers } from '../services/components/component-handlers';
import { ComponentJobs } from '../services/components/component-jobs';
import { DossierIntake } from '../services/intake/dossier-intake';
import { LookupThrottle } from '../services/lookup/lookup-throttle';
import type { UploadStore } from '../services/uploads/upload-store';
import { tokenOpener } from '../services/intake/intake-signing';
import { receiptServiceFor } from '../services/receipt/receipt-wiring';
import { signPending } from '../services/intake/sign-pending';
import { SigningError } from '../services/signing/signing-errors';
import { tokenSignerSettings } from '../services/signing/token-signer';
import {
  createReceptionHandlers,
  KioskSessionDossiers,
  type ReceptionMethods,
} from '../services/intake/reception-handlers';
import { StatusLookupService } from '../services/lookup/status-lookup';
import { createScanHandlers, scanEventsOn } from '../services/scan/scan-handlers';
import { ScanService } from '../services/scan/scan-service';
import type { DossierStore } from '../services/store/dossier-store';
import type { SyncEngine } from '../services/sync/sync-engine';
import type { ScannerBackend } from '../../scanners/scanner';
import { ScannerRegistry } from '../../scanners/scanner-registry';

export interface ReceptionWiringDeps {
  readonly config: Config;
  readonly dataDir: string;
  readonly events: EventHub;
  readonly logger: Logger;
  readonly store: DossierStore;
  readonly accounts: StaffAccounts;
  readonly staff: StaffSession;
  readonly card: CardService;
  readonly ocr: OcrPool;
  readonly sync: SyncEngine | undefined;
  readonly scanBackends: readonly ScannerBackend[];
  /** The audit log's actor when nobody is signed in (kiosk mode). */
  readonly anonymousActor: string;
  readonly uploads: UploadStore;
  /** The page worker pool: scanned pages are cleaned there, off the core's event loop. */
  readonly pageCleaner?: PageCleaner;
  /** The same pool: component PDFs are built there at save, off the core's event loop. */
  readonly pdfBuilder?: ComponentPdfBuilder;
}

export interface Reception {
  readonly handlers: HandlerGroup<ReceptionMethods | 'procedure.search' | 'procedure.get'>;
  /** session.end: the next citizen inherits no chip read, no receipts, no scanned pages. */
  endSession(): Promise<{ jobsRemoved: number }>;
  /** Loaded once here; Mẫu 04 counts its new date on the same calendar as the receipt's. */
  readonly calendar: Promise<WorkingCalendar>;
  /** The scan and import jobs: certified copies take their originals from them, and returns builds a scanned result from them as intake builds a component. */
  readonly jobs: ComponentJobs;
}

/**
 * Receiving a dossier, wired: the catalogue, scanning with its component
 * jobs (OCR per page as it arrives), the working-day calendar, saving,
 * receipts and the status lookup, with the counter/kiosk gating.
 */
export function wireReception(deps: ReceptionWiringDeps): Reception {
  const { config, logger, store } = deps;
  const scanDir = join(deps.dataDir, 'scans');
  const jobs = new ComponentJobs({
    ocr: deps.ocr,
    workDir: scanDir,
    emit: (event) => {
      deps.events.emit('component.ocr', event);
    },
    log: logger.child({ subsystem: 'components' }),
    ...(deps.pageCleaner ? { pageCleaner: deps.pageCleaner } : {}),
    ...(deps.pdfBuilder ? { pdfBuilder: deps.pdfBuilder } : {}),
  });
  const leftovers = jobs.recoverAtStartup();
  if (leftovers > 0) logger.warn({ leftovers }, 'removed scan jobs left by a crashed run');
  const scan = new ScanService({
    registry: new ScannerRegistry([...deps.scanBackends]),
    workDir: scanDir,
    events: scanEventsOn(deps.events),
    onPage: jobs.onScanPage,
    onComponent: jobs.onScanComponent,
    ...(deps.pageCleaner ? { pageCleaner: deps.pageCleaner } : {}),
  });
  const catalogue = ProcedureCatalogue.open(store.database);
  const calendar = loadWorkingCalendar(config, deps.dataDir, logger);
  const sessionDossiers = new KioskSessionDossiers();
  const receipts = receiptServiceFor({ config, store, catalogue, accounts: deps.accounts });
  const openToken = tokenOpener(tokenSignerSettings(config, process.env));
  const freshReceipt = async (id: string, actor: string): Promise<Uint8Array> =>
    (await receipts.renderFresh(id, actor)).pdf;
  const signingLog = logger.child({ subsystem: 'signing' });
  const reception = createReceptionHandlers({
    mode: config.mode,
    staff: deps.staff,
    intake: new DossierIntake({
      procedure: (code) => catalogue.get(code) ?? null,
      jobs,
      dueAt: async (receivedAt, procedure) =>
        dueDate(
          new Date(receivedAt),
          procedure,
          await calendar,
          config.calendar.officeHours,
        ).getTime(),
      store,
      lastRead: () => deps.card.lastRead(),
      agencyName: config.agency.name,
      signer: openToken,
      signLocation: config.receipt.place,
      receipt: freshReceipt,
      log: logger.child({ subsystem: 'reception' }),
    }),
    receipts,
    signPending: (pin, actor) => {
      const signer = openToken(pin);
      if (signer === null)
        throw new SigningError('SIGNING_NOT_CONFIGURED', 'no signing.pkcs11Module');
      return signPending({
        store,
        signer,
        receipt: freshReceipt,
        location: config.receipt.place,
        actor,
        log: signingLog,
      });
    },
    lookup: new StatusLookupService({
      store,
      sync: deps.sync,
      log: logger.child({ subsystem: 'status-lookup' }),
      // The lookup always names a counter: where results are collected, else the agency's one-stop unit.
      counterName:
        config.receipt.collectAt.trim() ||
        `Bộ phận tiếp nhận và trả kết quả – ${config.agency.name}`,
    }),
    scan: createScanHandlers(scan),
    components: createComponentHandlers(jobs, deps.uploads),
    session: sessionDossiers,
    lookupThrottle: new LookupThrottle(),
    anonymousActor: deps.anonymousActor,
  });
  return {
    handlers: { ...reception, ...createCatalogueHandlers(catalogue) },
    calendar,
    jobs,
    endSession: async () => {
      deps.card.forgetLastRead();
      sessionDossiers.clear();
      return { jobsRemoved: await jobs.discardAll() };
    },
  };
}

/**
 * The calendar loads once. A broken adjustments file leaves the built-in
 * holidays in force and is logged (due dates may then be a day early).
 */
async function loadWorkingCalendar(
  config: Config,
  dataDir: string,
  logger: Logger,
): Promise<WorkingCalendar> {
  const file = config.calendar.adjustmentsFile;
  const loaded = await loadCalendar({
    adjustmentsFile: file === '' ? undefined : resolve(dataDir, file),
  });
  if (loaded.error !== null) {
    logger.warn({ err: loaded.error }, 'calendar adjustments not applied; built-in holidays only');
  }
  return loaded.calendar;
}
