import type { StaffAccounts } from '../auth/staff-accounts';
import type { ProcedureCatalogue } from '../catalogue/procedure-catalogue';
import type { Config } from '../config/config-schema';
import { renderReceipt } from '.';
import type { DossierStore } from '../store/dossier-store';
import { ReceiptService } from './receipt-service';

/** The receipt service on this kiosk's store, catalogue, staff list and config (app and CLI). */
export function receiptServiceFor(deps: {
  readonly config: Config;
  readonly store: DossierStore;
  readonly catalogue: ProcedureCatalogue;
  readonly accounts: StaffAccounts;
}): ReceiptService {
  const { config } = deps;
  return new ReceiptService({
    dossier: (idOrCode, actor) => deps.store.get(idOrCode, actor),
    procedure: (code) => deps.catalogue.get(code) ?? null,
    // The officer's name as they set it; their username until they have one.
    staffName: (staffId) =>
      deps.store.staffName(staffId) ??
      deps.accounts.list().find((a) => a.id === staffId)?.username ??
      null,
    render: renderReceipt,
    stored: (dossierId) => deps.store.storedReceipt(dossierId)?.pdf ?? null,
    settings: {
      agencyName: config.agency.name,
      place: config.receipt.place,
      collectAt: config.receipt.collectAt,
      phone: config.receipt.phone,
      training: config.portal.trainingMode,
    },
  });
}
