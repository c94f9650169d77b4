import type { HandlerGroup } from '../api/dispatcher';
import type { CallContext } from '../api/dispatcher';
import type { StaffSession } from '../services/auth/staff-session';
import { requireStaff } from '../services/auth/require-staff';
import type { CardService } from '../services/card/card-service';
import type { Config } from '../services/config/config-schema';
import type { Portal } from '../services/portal/portal';
import { createReturnHandlers, type ReturnMethods } from '../services/returns/return-handlers';
import type { ComponentJobs } from '../services/components/component-jobs';
import type { UploadStore } from '../services/uploads/upload-store';
import { ReturnService } from '../services/returns/return-service';
import { tokenSignerSettings } from '../services/signing/token-signer';
import type { DossierStore } from '../services/store/dossier-store';

/**
 * Returning results, wired: staff only in either mode (it hands personal
 * results over), the portal the sync engine uses for TraCuuHoSo (none when
 * its settings are invalid: every return then needs the in-hand
 * confirmation), and the token `signing.*` names.
 */
export function wireReturns(deps: {
  readonly config: Config;
  readonly store: DossierStore;
  readonly portal: Pick<Portal, 'lookup'> | null;
  readonly staff: StaffSession;
  readonly card: CardService;
  readonly uploads: UploadStore;
  readonly jobs: ComponentJobs;
  readonly fallbackActor: string;
}): HandlerGroup<ReturnMethods> {
  const { config, store } = deps;
  const staffOf = (context: CallContext) => {
    const account = deps.staff.current(context);
    const actor = account?.username ?? deps.fallbackActor;
    // The slip prints the officer's display name where IT set one.
    return { actor, name: (account && store.staffName(account.id)) ?? actor };
  };
  return requireStaff(
    deps.staff,
    createReturnHandlers({
      store,
      service: (signer) =>
        new ReturnService({
          store,
          portal: deps.portal,
          signer,
          forms: {
            agencyName: config.agency.name,
            unitName: `Bộ phận tiếp nhận và trả kết quả – ${config.agency.name}`,
            place: config.receipt.place,
            phone: config.receipt.phone,
            training: config.portal.trainingMode,
          },
        }),
      signing: tokenSignerSettings(config, process.env),
      place: config.receipt.place,
      lastRead: () => deps.card.lastRead(),
      uploads: deps.uploads,
      jobs: deps.jobs,
      staffOf,
    }),
  );
}
