import type { HandlerGroup } from '../api/dispatcher';
import { requireStaff } from '../services/auth/require-staff';
import type { StaffSession } from '../services/auth/staff-session';
import { createCardHandlers } from '../services/card/card-handlers';
import type { CardService } from '../services/card/card-service';
import { createHidHandlers } from '../services/hid/hid-handlers';
import type { HidService } from '../services/hid/hid-service';

type DeviceMethods = 'card.readers' | 'card.read' | 'card.cancel' | 'hid.devices' | 'hid.parseScan';

/**
 * The card and HID methods with the same gate as the screens that use them.
 * Reading a chip is part of receiving a dossier: staff only at a counter, the
 * citizen's own session at a self-service kiosk. The HID inventory is for
 * staff (no citizen screen lists devices). Reader presence and parsing a
 * scanned code's text hold no personal data and stay open.
 */
export function deviceHandlers(deps: {
  readonly mode: 'staff' | 'kiosk';
  readonly staff: StaffSession;
  readonly card: CardService;
  readonly hid: HidService;
}): HandlerGroup<DeviceMethods> {
  const card = createCardHandlers(deps.card);
  const hid = createHidHandlers(deps.hid);
  const reading = { 'card.read': card['card.read'], 'card.cancel': card['card.cancel'] };
  return {
    'card.readers': card['card.readers'],
    ...(deps.mode === 'staff' ? requireStaff(deps.staff, reading) : reading),
    ...requireStaff(deps.staff, { 'hid.devices': hid['hid.devices'] }),
    'hid.parseScan': hid['hid.parseScan'],
  };
}
