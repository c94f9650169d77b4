import type { ScanCitizenProblem } from '../../api/contract/hid';
import { CitizenError, parseCccdQr, type Citizen } from '../../../native/smartcard/citizen/index';

/**
 * The Citizen in a scanned code, whichever way it was scanned (HID POS or a
 * keyboard-wedge burst the renderer detected): the card domain's QR parser is
 * the only one. A code that is not a CCCD QR (a dossier barcode) gives no
 * citizen and a QR_FORMAT problem the screen may ignore; a CCCD QR with a bad
 * field gives the field to re-scan.
 */
export function citizenFromScan(text: string): {
  citizen: Citizen | null;
  problem: ScanCitizenProblem | null;
} {
  try {
    return { citizen: parseCccdQr(text), problem: null };
  } catch (error) {
    if (!(error instanceof CitizenError)) throw error;
    return {
      citizen: null,
      problem: { code: error.code, field: error.field, vi: error.vi, en: error.en },
    };
  }
}
