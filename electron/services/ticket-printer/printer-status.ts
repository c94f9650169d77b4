/**
 * The answers to DLE EOT 2 and DLE EOT 4. Every status byte has bit 1 and
 * bit 4 set and bits 0 and 7 clear (`0xx1xx10`), which tells a status byte
 * from anything else the printer might send.
 *
 * DLE EOT 2 (offline cause): bit 2 cover open, bit 3 paper fed by the
 * button, bit 5 printing stopped by paper end, bit 6 an error.
 * DLE EOT 4 (roll paper sensor): bits 2–3 paper near end, bits 5–6 paper end.
 */
export interface PrinterStatus {
  readonly coverOpen: boolean;
  readonly paperOut: boolean;
  readonly paperNearEnd: boolean;
  readonly error: boolean;
}

export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/** null when either byte is not a status byte. */
export function parseStatus(offlineCause: number, paperSensor: number): PrinterStatus | null {
  if (!isStatusByte(offlineCause) || !isStatusByte(paperSensor)) return null;
  return {
    coverOpen: (offlineCause & 0x04) !== 0,
    paperOut: (offlineCause & 0x20) !== 0 || (paperSensor & 0x60) === 0x60,
    paperNearEnd: (paperSensor & 0x0c) === 0x0c,
    error: (offlineCause & 0x40) !== 0,
  };
}
