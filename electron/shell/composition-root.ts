import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../api/contract';
import {
  connectionOf,
  createDispatcher,
  type CallContext,
  type Dispatch,
  type Handlers,
} from '../api/dispatcher';
import { KioskError } from '../api/errors';
import { EventHub } from '../api/event-hub';
import { createAuthHandlers } from '../services/auth/auth-handlers';
import { Passkeys } from '../services/auth/passkeys';
import { requireStaff } from '../services/auth/require-staff';
import { StaffAccounts } from '../services/auth/staff-accounts';
import { SignInAudit } from '../services/auth/sign-in-audit';
import { StaffSession } from '../services/auth/staff-session';
import { createCardHealthProbe } from '../services/card/card-health';
import { CardService, cardEventsOn } from '../services/card/card-service';
import { loadConfig } from '../services/config/config-file';
import { createOcrHandlers, createOcrHealthProbe } from '../services/ocr/ocr-handlers';
import { createEspeakVoice } from '../services/voice/espeak-voice';
import { createVoiceHandlers } from '../services/voice/voice-handlers';
import { OcrPool } from '../services/ocr/ocr-pool';
import { PagePool } from '../../scanners/pipeline/page-pool';
import { resolveModelDir } from '../services/ocr/ocr-language-data';
import { esclUrlsFromEnv, scannerBackends } from '../../scanners/scanner-backends';
import { PortalClient } from '../services/portal/portal-client';
import { PortalConfigSchema } from '../services/portal/portal-config';
import { portalSettings } from '../services/portal/portal-settings';
import { SyncEngine } from '../services/sync/sync-engine';
import { createSyncHandlers, forwardSyncProgress } from '../services/sync/sync-handlers';
import { PcscBridge } from '../../native/smartcard/pcsc/pcsc-bridge';
import { createHidHealthProbes } from '../services/hid/hid-handlers';
import { HidService } from '../services/hid/hid-service';
import { NodeHidBridge } from '../../native/hid/node-hid-bridge';
import { createDossierHandlers, forwardQueueChanges } from '../services/store/dossier-handlers';
import type { Config } from '../services/config/config-schema';
import { runProbes, type HealthProbe } from '../services/health/health-check';
import { createOutageCheck } from '../services/health/outage-check';
import { createDraftHandlers, dropDraftAfterSave } from '../services/intake/draft-handlers';
import { shareInFlight } from '../services/health/shared-health';
import { RendererLogBudget } from '../services/log/renderer-log-budget';
import { systemProbes } from '../services/health/system-probes';
import { createLogger, type Logger } from '../services/log/logger';
import type { KeyProvider } from '../services/store/crypto/key-provider';
import { DossierStore } from '../services/store/dossier-store';
import { createQueueProbe } from '../services/health/queue-probe';
import { UploadStore } from '../services/uploads/upload-store';
import { deviceHandlers } from './device-handlers';
import { lateTimestamper } from '../services/signing/late-timestamp';
import { tokenSignerSettings } from '../services/signing/token-signer';
import { wireReception } from './reception-wiring';
import { createFormsHandlers } from '../services/forms/forms-handlers';
import { startReadinessRefresh } from './readiness-wiring';
import { wireReturns } from './returns-wiring';
import { wireCopies } from './copies-wiring';
import { openCentreQueue } from '../services/queue/open-centre-queue';
import { wireQueue } from './queue-wiring';
import { createTicketPrinterProbe } from '../services/ticket-printer/ticket-printer-probe';
import { openKioskStore } from '../services/kiosk-store';

export interface CoreOptions {
  readonly dataDir: string;
  readonly shell: Result<'system.info'>['shell'];
  /** Clears the renderer's storage (Electron: session.clearStorageData). */
  readonly wipeRenderer?: () => Promise<void>;
  /** A logger to use instead of the rotating file (tests). */
  readonly logger?: Logger;
  /** The data-encryption key's keeper; default a 0600 key file (Electron passes safeStorage's). */
  readonly keyProvider?: KeyProvider;
  /**
   * What the browser shell already made before listening (it serves pages
   * while the core composes): the config it read, the hub its sockets
   * subscribe to and the store its upload route fills. Default: made here.
   */
  readonly config?: Config;
  readonly events?: EventHub;
  readonly uploads?: UploadStore;
}

export interface Core {
  readonly config: Config;
  readonly logger: Logger;
  readonly events: EventHub;
  readonly dispatch: Dispatch;
  readonly store: DossierStore;
  /** Files uploaded over HTTP (browser shell) for `component.import`. */
  readonly uploads: UploadStore;
  /** A connection (socket, window) closed: its staff sign-in ends with it. */
  endConnection(connection: string): void;
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
  const config = options.config ?? loadConfig(options.dataDir).config;
  const logger = options.logger ?? createLogger(options.dataDir, config.logs);
  const events = options.events ?? new EventHub();
  const portalUrl = process.env.KIOSK_PORTAL_URL ?? config.portal.url;
  const probes: HealthProbe[] = systemProbes(options.dataDir, {
    url: portalUrl,
    trainingMode: config.portal.trainingMode,
  });
  const store = openKioskStore(options.dataDir, config, process.env, options.keyProvider);
  // The shared PostgreSQL queue when the centre names one; this machine's SQLite otherwise.
  const centreQueue = openCentreQueue({
    database: store.database,
    centre: config.centre,
    env: process.env,
    offlineNumbers: config.mode === 'kiosk',
  });
  logger.info({ centreQueue: centreQueue.shared?.redacted ?? 'sqlite' }, 'centre queue');
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
  const staffSession = new StaffSession({
    idleMs: config.staffIdleTimeoutSeconds * 1000,
    onIdle: (account) => {
      logger.info({ subsystem: 'session', staff: account.username }, 'idle staff sign-in ended');
    },
  });
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
  const portal = portalConfig.success ? new PortalClient(portalConfig.data) : null;
  // A PDF signed while the TSA was down gets its document timestamp as it leaves.
  const prepareUpload = lateTimestamper(config.signing.tsaUrl, logger);
  const sync = portal
    ? new SyncEngine(store.outbox, portal, prepareUpload === undefined ? {} : { prepareUpload })
    : undefined;
  const stopSyncEvents = sync
    ? forwardSyncProgress(sync, (progress) => {
        events.emit('sync.progress', progress);
      })
    : undefined;
  sync?.start();
  // The queue with its tickets' printing, ratings (delivered by their own
  // loop) and reports, all from the store that holds the tickets.
  const ratingLog = logger.child({ subsystem: 'ratings' });
  const queueWiring = wireQueue({
    centre: centreQueue,
    config: config.centre,
    events,
    requireClerk: (context) => staffSession.require(context, 'clerk', 'admin'),
    printer: config.ticketPrinter,
    centreName: config.agency.name,
    lastChipId: () => card.lastRead()?.id ?? null,
    portal,
    onRatingError: (message) => {
      ratingLog.warn(message);
    },
  });
  probes.push(queueWiring.ratingProbe);
  const ticketPrinterProbe = createTicketPrinterProbe(config.ticketPrinter);
  if (ticketPrinterProbe !== null) probes.push(ticketPrinterProbe);
  const readiness = startReadinessRefresh({
    config,
    store,
    portal,
    log: logger.child({ subsystem: 'readiness' }),
  });
  if (!portalConfig.success) {
    logger.warn(
      { issues: portalConfig.error.issues.map((i) => i.path.join('.')) },
      'portal settings invalid; sync stopped',
    );
  }
  const scanBackends = scannerBackends({
    platform: process.platform,
    esclUrls: esclUrlsFromEnv(process.env),
  });
  // Workers start on the first page, so an idle kiosk holds no OCR memory.
  const ocr = new OcrPool({ modelDir: resolveModelDir(config.ocr.modelDir, ['vie']) });
  probes.push(createOcrHealthProbe(ocr));
  // Scanned pages are cleaned, and component PDFs built at save, on worker
  // threads (started on the first job): the pipeline's 0.1–0.25 s steps and
  // a text-layered PDF's 0.1 s a page would otherwise hold this event loop.
  // KIOSK_PDF_IN_THREAD=1 builds PDFs here: only the stalls bench's anchor.
  const pages = new PagePool();
  const pdfInThread = process.env.KIOSK_PDF_IN_THREAD === '1';
  /** The audit log names the clerk signed in on the caller's connection, or the channel. */
  const actorOf = (context: CallContext) =>
    staffSession.current(context)?.username ?? `${config.mode}:${options.shell}`;
  /** What forms print as the officer: the display name IT set, else the username. */
  const nameOf = (context: CallContext) => {
    const account = staffSession.current(context);
    return (account && store.staffName(account.id)) ?? actorOf(context);
  };
  const uploads = options.uploads ?? new UploadStore();
  const rendererLog = logger.child({ subsystem: 'renderer' });
  probes.push(
    createQueueProbe({
      sync,
      depth: () => store.outbox.depth(),
      oldestPendingAt: () => store.oldestPendingAt(),
    }),
  );
  const reception = wireReception({
    config,
    dataDir: options.dataDir,
    events,
    logger,
    store,
    accounts,
    staff: staffSession,
    card,
    ocr,
    pageCleaner: pages,
    ...(pdfInThread ? {} : { pdfBuilder: pages }),
    sync,
    scanBackends,
    anonymousActor: `${config.mode}:${options.shell}`,
    uploads,
  });
  const health = shareInFlight(async () => {
    const checks = [
      {
        id: 'config',
        kind: 'system' as const,
        status: 'ok' as const,
        detail: 'config.json valid',
        detailVi: 'Tệp cấu hình config.json hợp lệ.',
      },
      ...(await runProbes(probes)),
    ];
    return { checkedAt: new Date().toISOString(), checks };
  });
  const drafts = { store, staff: staffSession };
  store.dropExpiredIntakeDrafts();
  const logBudget = new RendererLogBudget();
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
      helpCounter: config.helpCounter,
      signingConfigured: tokenSignerSettings(config, process.env).pkcs11Module !== '',
    }),
    'system.health': health,
    'system.outages': createOutageCheck({
      url: portalUrl,
      trainingMode: config.portal.trainingMode,
    }),
    'session.end': async ({ reason }, context) => {
      await options.wipeRenderer?.();
      const clerk = staffSession.current(context);
      staffSession.signOut(context);
      // A page with nobody signed in must not wipe a clerk's work in progress
      // on another connection (their scans, their chip read).
      if (clerk === undefined && staffSession.anySignedIn()) {
        logger.warn(
          { subsystem: 'session', reason },
          'anonymous session end left staff work alone',
        );
        return { wiped: true };
      }
      const { jobsRemoved } = await reception.endSession();
      logger.info(
        { subsystem: 'session', reason, jobsRemoved },
        'citizen session ended; renderer data, chip read and component jobs wiped',
      );
      return { wiped: true };
    },
    'log.write': ({ level, message, context }, call) => {
      const { allowed, droppedBefore } = logBudget.take(connectionOf(call));
      if (droppedBefore > 0) {
        rendererLog.warn({ dropped: droppedBefore }, 'renderer log lines dropped over the budget');
      }
      if (allowed) rendererLog[level](context ?? {}, message);
      return {};
    },
    ...deviceHandlers({ mode: config.mode, staff: staffSession, card, hid }),
    ...reception.handlers,
    ...createDraftHandlers(drafts),
    'dossier.create': dropDraftAfterSave(reception.handlers['dossier.create'], drafts),
    ...createOcrHandlers(ocr),
    ...createVoiceHandlers(createEspeakVoice()),
    ...queueWiring.handlers,
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
    ...requireStaff(
      staffSession,
      createFormsHandlers({
        store,
        agency: config.agency,
        place: config.receipt.place,
        training: config.portal.trainingMode,
        unitName: `Bộ phận tiếp nhận và trả kết quả – ${config.agency.name}`,
        phone: config.receipt.phone,
        calendar: reception.calendar,
        officeHours: config.calendar.officeHours,
        signing: {
          settings: tokenSignerSettings(config, process.env),
          place: config.receipt.place,
        },
        actorOf,
        nameOf,
      }),
    ),
    ...wireReturns({
      config,
      store,
      portal,
      staff: staffSession,
      card,
      uploads,
      jobs: reception.jobs,
      fallbackActor: `${config.mode}:${options.shell}`,
    }),
    ...wireCopies({
      config,
      store,
      staff: staffSession,
      jobs: reception.jobs,
      events,
      fallbackActor: `${config.mode}:${options.shell}`,
    }),
    ...createAuthHandlers({
      accounts,
      passkeys,
      session: staffSession,
      displayName: (staffId) => store.staffName(staffId),
      audit: new SignInAudit(store.database),
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
    uploads,
    endConnection: (connection) => {
      staffSession.endConnection(connection);
    },
    dispose: async () => {
      clearInterval(housekeepingTimer);
      stopQueueEvents();
      await queueWiring.stop();
      await ocr.close();
      await pages.close();
      stopSyncEvents?.();
      await sync?.stop();
      await readiness?.stop();
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
