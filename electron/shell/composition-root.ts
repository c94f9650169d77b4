import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Result } from '../api/contract';
import { createDispatcher, type Dispatch, type Handlers } from '../api/dispatcher';
import { KioskError } from '../api/errors';
import { EventHub } from '../api/event-hub';
import { createAuthHandlers } from '../services/auth/auth-handlers';
import { Passkeys } from '../services/auth/passkeys';
import { requireStaff } from '../services/auth/require-staff';
import { StaffAccounts } from '../services/auth/staff-accounts';
import { StaffSession } from '../services/auth/staff-session';
import { createCardHandlers } from '../services/card/card-handlers';
import { createCardHealthProbe } from '../services/card/card-health';
import { CardService, cardEventsOn } from '../services/card/card-service';
import { loadConfig } from '../services/config/config-file';
import { createOcrHandlers, createOcrHealthProbe } from '../services/ocr/ocr-handlers';
import { OcrPool } from '../services/ocr/ocr-pool';
import { createScanHandlers, scanEventsOn } from '../services/scan/scan-handlers';
import { ScanService } from '../services/scan/scan-service';
import { EsclBackend } from '../../scanners/escl/escl-backend';
import { SaneBackend } from '../../scanners/sane/sane-backend';
import { ScannerRegistry } from '../../scanners/scanner-registry';
import type { ScannerBackend } from '../../scanners/scanner';
import { PortalClient } from '../services/portal/portal-client';
import { PortalConfigSchema } from '../services/portal/portal-config';
import { portalSettings } from '../services/portal/portal-settings';
import { SyncEngine } from '../services/sync/sync-engine';
import { createSyncHandlers, forwardSyncProgress } from '../services/sync/sync-handlers';
import { PcscBridge } from '../../native/smartcard/pcsc/pcsc-bridge';
import { createHidHandlers, createHidHealthProbes } from '../services/hid/hid-handlers';
import { HidService } from '../services/hid/hid-service';
import { NodeHidBridge } from '../../native/hid/node-hid-bridge';
import { createDossierHandlers, forwardQueueChanges } from '../services/store/dossier-handlers';
import type { Config } from '../services/config/config-schema';
import { runProbes, type HealthProbe } from '../services/health/health-check';
import { systemProbes } from '../services/health/system-probes';
import { kioskMigrations } from '../services/kiosk-migrations';
import { createLogger, type Logger } from '../services/log/logger';
import type { KeyProvider } from '../services/store/crypto/key-provider';
import { DossierStore } from '../services/store/dossier-store';
import { createWorkingCalendar, dueDate, loadCalendar } from '../services/calendar';
import { createCatalogueHandlers } from '../services/catalogue/catalogue-handlers';
import { ProcedureCatalogue } from '../services/catalogue/procedure-catalogue';
import { createComponentHandlers } from '../services/reception/component-handlers';
import { ComponentJobs } from '../services/reception/component-jobs';
import { DossierIntake } from '../services/reception/dossier-intake';
import { createQueueProbe } from '../services/reception/queue-probe';
import { receiptServiceFor } from '../services/reception/receipt-wiring';
import {
  createReceptionHandlers,
  KioskSessionDossiers,
} from '../services/reception/reception-handlers';
import { StatusLookupService } from '../services/reception/status-lookup';

export interface CoreOptions {
  readonly dataDir: string;
  readonly shell: Result<'system.info'>['shell'];
  /** Clears the renderer's storage (Electron: session.clearStorageData). */
  readonly wipeRenderer?: () => Promise<void>;
  /** A logger to use instead of the rotating file (tests). */
  readonly logger?: Logger;
  /** The data-encryption key's keeper; default a 0600 key file (Electron passes safeStorage's). */
  readonly keyProvider?: KeyProvider;
}

export interface Core {
  readonly config: Config;
  readonly logger: Logger;
  readonly events: EventHub;
  readonly dispatch: Dispatch;
  readonly store: DossierStore;
  dispose(): Promise<void>;
}

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
}

/**
 * The one place where services are built and wired, for both shells. Throws
 * a KioskError(CONFIG_INVALID) when the config file is broken; the shells
 * print it and stop without touching the file.
 */
export function createCore(options: CoreOptions): Core {
  const { config } = loadConfig(options.dataDir);
  const logger = options.logger ?? createLogger(options.dataDir, config.logs);
  const events = new EventHub();
  const portalUrl = process.env.KIOSK_PORTAL_URL ?? config.portal.url;
  const probes: HealthProbe[] = systemProbes(options.dataDir, {
    url: portalUrl,
    trainingMode: config.portal.trainingMode,
  });
  const store = DossierStore.open({
    dataDir: options.dataDir,
    agencyCode: config.agency.code,
    migrations: kioskMigrations,
    ...(options.keyProvider ? { keyProvider: options.keyProvider } : {}),
  });
  // Retention: purge synced dossiers' personal data, then unreferenced blobs,
  // at start-up and daily (a kiosk may run for weeks).
  const housekeeping = () => {
    const purged = store.purgeExpired(config.store.retentionDays * 24 * 3600 * 1000);
    const collected = store.gc();
    logger.info({ purged, ...collected }, 'retention and blob garbage collection');
  };
  housekeeping();
  const housekeepingTimer = setInterval(housekeeping, 24 * 3600 * 1000);
  housekeepingTimer.unref();
  const accounts = new StaffAccounts(store.database);
  const staffSession = new StaffSession();
  const passkeys = new Passkeys(store.database, accounts, config.agency.name);
  // PC/SC is created here, after the app is ready, not at module load: a
  // reader attached before start-up is then reported (nfc-pcsc#89).
  const trustDir =
    config.card.trustDir === '' ? join(options.dataDir, 'trust') : config.card.trustDir;
  mkdirSync(trustDir, { recursive: true, mode: 0o700 });
  const card = new CardService({
    bridge: new PcscBridge(),
    events: cardEventsOn(events),
    trustDir,
  });
  card.start();
  probes.push(createCardHealthProbe(card));
  const hid = new HidService({
    bridge: new NodeHidBridge(),
    onScan: (scan) => {
      events.emit('hid.scan', scan);
    },
    log: logger.child({ subsystem: 'hid' }),
  });
  hid.start();
  probes.push(...createHidHealthProbes(hid));
  const stopQueueEvents = forwardQueueChanges(store, (depth) => {
    events.emit('queue.changed', depth);
  });
  // The sync engine drains the outbox in the background for as long as the
  // app runs; portal settings that do not validate leave it stopped, and
  // Diagnostics says so (dossiers are still saved).
  const portalConfig = PortalConfigSchema.safeParse(portalSettings(config, process.env));
  const sync = portalConfig.success
    ? new SyncEngine(store.outbox, new PortalClient(portalConfig.data))
    : undefined;
  const stopSyncEvents = sync
    ? forwardSyncProgress(sync, (progress) => {
        events.emit('sync.progress', progress);
      })
    : undefined;
  sync?.start();
  if (!portalConfig.success) {
    logger.warn(
      { issues: portalConfig.error.issues.map((i) => i.path.join('.')) },
      'portal settings invalid; sync stopped',
    );
  }
  const esclUrls = (process.env.KIOSK_ESCL_URLS ?? '').split(',').filter((url) => url !== '');
  const scanBackends: ScannerBackend[] = [
    new SaneBackend(),
    ...(esclUrls.length > 0 ? [new EsclBackend({ urls: esclUrls })] : []),
  ];
  // Workers start on the first page, so an idle kiosk holds no OCR memory.
  const ocr = new OcrPool();
  const scanDir = join(options.dataDir, 'scans');
  const jobs = new ComponentJobs({
    ocr,
    workDir: scanDir,
    emit: (event) => {
      events.emit('component.ocr', event);
    },
    log: logger.child({ subsystem: 'components' }),
  });
  const scan = new ScanService({
    registry: new ScannerRegistry(scanBackends),
    workDir: scanDir,
    events: scanEventsOn(events),
    onPage: jobs.onScanPage,
    onComponent: jobs.onScanComponent,
  });
  probes.push(createOcrHealthProbe(ocr));
  /** The audit log names the signed-in clerk, or the channel when nobody is (kiosk mode). */
  const actorOf = () => staffSession.current?.username ?? `${config.mode}:${options.shell}`;
  const rendererLog = logger.child({ subsystem: 'renderer' });
  const catalogue = ProcedureCatalogue.open(store.database);
  probes.push(
    createQueueProbe({
      sync,
      depth: () => store.outbox.depth(),
      oldestPendingAt: () => store.oldestPendingAt(),
    }),
  );
  // The calendar loads once; a broken adjustments file leaves the built-in
  // holidays in force and is logged (due dates are then possibly a day early).
  const calendarReady = loadCalendar({
    adjustmentsFile:
      config.calendar.adjustmentsFile === ''
        ? undefined
        : resolve(options.dataDir, config.calendar.adjustmentsFile),
  }).then(
    (loaded) => {
      if (loaded.error !== null) {
        logger.warn(
          { err: loaded.error },
          'calendar adjustments not applied; built-in holidays only',
        );
      }
      return loaded.calendar;
    },
    (error: unknown) => {
      logger.error({ err: error }, 'calendar not loaded; built-in holidays only');
      return createWorkingCalendar();
    },
  );
  const sessionDossiers = new KioskSessionDossiers();
  const reception = createReceptionHandlers({
    mode: config.mode,
    staff: staffSession,
    intake: new DossierIntake({
      procedure: (code) => catalogue.get(code) ?? null,
      jobs,
      dueAt: async (receivedAt, procedure) =>
        dueDate(
          new Date(receivedAt),
          procedure,
          await calendarReady,
          config.calendar.officeHours,
        ).getTime(),
      store,
      lastRead: () => card.lastRead(),
      agencyName: config.agency.name,
      log: logger.child({ subsystem: 'reception' }),
    }),
    receipts: receiptServiceFor({ config, store, catalogue, accounts }),
    lookup: new StatusLookupService({
      store,
      sync,
      log: logger.child({ subsystem: 'status-lookup' }),
    }),
    scan: createScanHandlers(scan),
    components: createComponentHandlers(jobs),
    session: sessionDossiers,
    anonymousActor: `${config.mode}:${options.shell}`,
  });
  const version = appVersion();

  const handlers: Handlers = {
    'system.info': () => ({
      appVersion: version,
      shell: options.shell,
      mode: config.mode,
      locale: config.locale,
      trainingMode: config.portal.trainingMode,
      idleTimeoutSeconds: config.idleTimeoutSeconds,
      agencyName: config.agency.name,
    }),
    'system.health': async () => {
      const checks = [
        {
          id: 'config',
          kind: 'system' as const,
          status: 'ok' as const,
          detail: 'config.json valid',
        },
        ...(await runProbes(probes)),
      ];
      return { checkedAt: new Date().toISOString(), checks };
    },
    'session.end': async ({ reason }) => {
      await options.wipeRenderer?.();
      if (reason === 'idle') staffSession.signOut();
      // The next citizen inherits nothing: no chip read, no receipts, no scanned pages.
      card.forgetLastRead();
      sessionDossiers.clear();
      const removed = await jobs.discardAll();
      logger.info(
        { subsystem: 'session', reason, jobsRemoved: removed },
        'citizen session ended; renderer data, chip read and component jobs wiped',
      );
      return { wiped: true };
    },
    'log.write': ({ level, message, context }) => {
      rendererLog[level](context ?? {}, message);
      return {};
    },
    ...createHidHandlers(hid),
    ...createCardHandlers(card),
    ...reception,
    ...createCatalogueHandlers(catalogue),
    ...createOcrHandlers(ocr),
    ...(sync
      ? requireStaff(staffSession, createSyncHandlers({ engine: sync }))
      : {
          'sync.status': () => {
            throw new KioskError('NOT_AVAILABLE', 'Portal settings are invalid; see kiosk doctor');
          },
          'sync.now': () => {
            throw new KioskError('NOT_AVAILABLE', 'Portal settings are invalid; see kiosk doctor');
          },
        }),
    ...requireStaff(staffSession, createDossierHandlers({ store, actorOf })),
    ...createAuthHandlers({
      accounts,
      passkeys,
      session: staffSession,
      log: logger.child({ subsystem: 'auth' }),
    }),
  };

  const dispatch = createDispatcher(handlers, logger.child({ subsystem: 'api' }));
  logger.info({ shell: options.shell, mode: config.mode, version }, 'kiosk core started');
  return {
    config,
    logger,
    events,
    dispatch,
    store,
    dispose: async () => {
      clearInterval(housekeepingTimer);
      stopQueueEvents();
      await ocr.close();
      stopSyncEvents?.();
      await sync?.stop();
      card.stop();
      await hid.stop();
      store.close();
      await new Promise<void>((resolve) => {
        logger.flush(() => {
          resolve();
        });
      });
    },
  };
}
