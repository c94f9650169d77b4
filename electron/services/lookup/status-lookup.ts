import type { StatusLookup } from '../../api/contract/reception';
import { KioskError } from '../../api/errors';
import type { PublicDossierStatus } from '../store/dossier-status';
import { findDossierCode, maskedCode } from './dossier-code-query';
import { citizenStatusText } from '../../api/contract/citizen-status-text';
import { isTrangThai } from '../../api/contract/status-text';

/** The store's part the lookup needs: non-personal fields only. */
export interface PublicStatusSource {
  publicStatus(code: string): PublicDossierStatus | null;
}

/** The sync engine's part the lookup needs (SyncEngine fits). */
export interface PortalStatusSource {
  status(): { readonly online: boolean };
  pullStatus(
    dossierId: string,
    maHoSo: string,
  ): Promise<{ readonly status: string; readonly returnedAt: number | null } | null>;
}

type PortalSeen = NonNullable<Awaited<ReturnType<PortalStatusSource['pullStatus']>>>;

export interface StatusLookupLog {
  info(fields: Record<string, unknown>, message: string): void;
}

export interface StatusLookupDeps {
  readonly store: PublicStatusSource;
  /** Absent when the portal settings are invalid: answers come from the store only. */
  readonly sync?: PortalStatusSource | undefined;
  readonly log: StatusLookupLog;
  /** How long a lookup waits for the portal before answering from the store. */
  readonly portalTimeoutMs?: number;
  /** The counter the citizen is asked to come to (results, supplements); not personal. */
  readonly counterName?: string;
}

export const DEFAULT_PORTAL_TIMEOUT_MS = 3_000;

/**
 * `status.lookup`: open to anyone, so it answers only the procedure, dates
 * and status. The log names the code with its daily sequence masked: the
 * unit and day are useful to IT, the full code would tie the log line to one
 * citizen's dossier.
 */
export class StatusLookupService {
  readonly #deps: StatusLookupDeps;

  constructor(deps: StatusLookupDeps) {
    this.#deps = deps;
  }

  async lookup(query: string): Promise<StatusLookup> {
    const code = findDossierCode(query);
    const local = code === null ? null : this.#deps.store.publicStatus(code);
    if (code === null || local === null) {
      this.#deps.log.info(
        { code: code === null ? null : maskedCode(code), found: false },
        'status lookup',
      );
      throw new KioskError(
        'LOOKUP_NOT_FOUND',
        code === null ? 'No dossier code in the query' : 'No dossier with this code on this kiosk',
      );
    }
    const asked = await this.#askPortal(local);
    const fresh = (asked !== null ? this.#deps.store.publicStatus(code) : null) ?? local;
    this.#deps.log.info(
      { code: maskedCode(code), found: true, portalAsked: asked !== null },
      'status lookup',
    );
    const portal = fresh.portalStatus;
    // A return made here is final even while its update still waits in the outbox and the portal lags behind.
    const status =
      fresh.returnedAt !== null
        ? '10'
        : isTrangThai(portal)
          ? portal
          : isTrangThai(fresh.status)
            ? fresh.status
            : '2';
    return {
      code: fresh.code,
      procedureName: fresh.procedureName,
      status,
      statusText: citizenStatusText({
        status,
        dueAt: fresh.dueAt,
        now: Date.now(),
        // This kiosk's own return first: it is the day the citizen signed for; the portal's NgayTra covers returns made elsewhere.
        returnedAt: fresh.returnedAt ?? asked?.returnedAt ?? null,
        apologyDueAt: fresh.apologyDueAt,
        ...(this.#deps.counterName === undefined ? {} : { counterName: this.#deps.counterName }),
      }),
      receivedAt: fresh.receivedAt,
      dueAt: fresh.dueAt,
      syncState: fresh.syncState,
      portalCheckedAt: isTrangThai(portal) ? fresh.portalStatusAt : null,
    };
  }

  /** What the portal said when it answered in time (the engine recorded the status); null otherwise. */
  async #askPortal(local: PublicDossierStatus): Promise<PortalSeen | null> {
    const sync = this.#deps.sync;
    if (!sync?.status().online) return null;
    const ms = this.#deps.portalTimeoutMs ?? DEFAULT_PORTAL_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => {
        resolve(null);
      }, ms);
    });
    try {
      return await Promise.race([
        sync.pullStatus(local.id, local.code).then(
          (seen) => seen,
          () => null,
        ),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
