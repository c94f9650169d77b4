import type { DossierView } from '../../api/contract/dossier';
import type { Procedure } from '../../api/contract/procedure';
import type { ReceiptData } from '.';
import { RECEIPT_KEYS } from '../intake/dossier-intake';

/** The receipt's settings (config `agency.name`, `receipt.*`, training mode). */
export interface ReceiptSettings {
  readonly agencyName: string;
  readonly place: string;
  readonly collectAt: string;
  readonly phone: string;
  readonly training: boolean;
}

const VND = new Intl.NumberFormat('vi-VN');

/** "Miễn phí", or the sum of the procedure's fees as "20.000 đồng". */
export function feeText(procedure: Pick<Procedure, 'fees'> | null): string {
  const total = (procedure?.fees ?? []).reduce((sum, fee) => sum + fee.amount, 0);
  return total === 0 ? 'Miễn phí' : `${VND.format(total)} đồng`;
}

/**
 * What Mẫu 01 prints for a saved dossier. `procedure` is the catalogue's
 * current entry (null if it left the catalogue: the dossier's own procedure
 * name and codes are printed, with no per-component counts).
 */
export function buildReceiptData(
  dossier: DossierView,
  procedure: Procedure | null,
  settings: ReceiptSettings,
  receiverName: string | null,
  issuedAt: Date = new Date(),
): ReceiptData {
  const applicant = dossier.applicant;
  if (applicant === null) throw new Error(`dossier ${dossier.code} has no personal data left`);
  const sets = Number(dossier.formValues[RECEIPT_KEYS.sets] ?? '1');
  return {
    agencyName: settings.agencyName,
    unitName: settings.collectAt === '' ? settings.agencyName : settings.collectAt,
    place: settings.place,
    code: dossier.code,
    applicant: {
      name: applicant.name,
      idNumber: applicant.idNumber,
      address: dossier.formValues[RECEIPT_KEYS.address] ?? '',
      phone: applicant.phone,
      email: applicant.email,
    },
    procedure: {
      code: dossier.procedureCode,
      name: dossier.procedureName,
      processingDays: procedure?.processingDays ?? 0,
    },
    components: dossier.components.map((c) => {
      const listed = procedure?.components.find((p) => p.code === c.code);
      return {
        name: listed?.name ?? c.fileName ?? c.code,
        originals: listed?.originals ?? 1,
        copies: listed?.copies ?? 0,
      };
    }),
    sets: Number.isInteger(sets) && sets > 0 ? sets : 1,
    receivedAt: new Date(dossier.receivedAt),
    dueAt: new Date(dossier.dueAt),
    issuedAt,
    collectAt: settings.collectAt === '' ? settings.agencyName : settings.collectAt,
    feeText: feeText(procedure),
    receiverName,
    phone: settings.phone,
    training: settings.training,
  };
}
