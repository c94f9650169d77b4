import type { CallContext, HandlerGroup } from '../api/dispatcher';
import type { EventHub } from '../api/event-hub';
import type { StaffSession } from '../services/auth/staff-session';
import { requireStaff } from '../services/auth/require-staff';
import { CopyCertifier } from '../services/certified-copies/copy-certifier';
import { createCopyHandlers, type CopyMethods } from '../services/certified-copies/copy-handlers';
import type { Config } from '../services/config/config-schema';
import type { ComponentJobs } from '../services/components/component-jobs';
import { TokenSigner, tokenSignerSettings } from '../services/signing/token-signer';
import type { DossierStore } from '../services/store/dossier-store';

/**
 * Certified copies, wired: clerks and admins only (IT accounts install the
 * kiosk, they do not certify), the certifier's own token as `signing.*`
 * names it, the scan and import jobs reception holds, and the officer's
 * display name as the certifier printed under the lời chứng.
 */
export function wireCopies(deps: {
  readonly config: Config;
  readonly store: DossierStore;
  readonly staff: StaffSession;
  readonly jobs: ComponentJobs;
  readonly events: EventHub;
  readonly fallbackActor: string;
}): HandlerGroup<CopyMethods> {
  const { config, store } = deps;
  const settings = tokenSignerSettings(config, process.env);
  const certifier = new CopyCertifier({
    book: store.copyBook,
    openSigner: (pin) => TokenSigner.open(settings, pin),
    agencyName: config.agency.name,
    location: config.receipt.place,
  });
  const staffOf = (context: CallContext) => {
    const account = deps.staff.current(context);
    const actor = account?.username ?? deps.fallbackActor;
    return { actor, name: (account && store.staffName(account.id)) ?? actor };
  };
  return requireStaff(
    deps.staff,
    createCopyHandlers({
      certifier,
      book: () => store.copyBook,
      jobs: deps.jobs,
      header: (date) => ({
        agencyName: config.agency.name,
        place: config.receipt.place,
        date,
        training: config.portal.trainingMode,
      }),
      agencyCode: config.agency.code,
      staffOf,
      progress: (done, total) => {
        deps.events.emit('copies.progress', { done, total });
      },
    }),
    'clerk',
    'admin',
  );
}
