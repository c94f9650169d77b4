/**
 * HID usage pages the kiosk recognises (USB-IF "HID Usage Tables" 1.5):
 * - 0x8C Bar Code Scanner page (originally the "HID Point of Sale Usage
 *   Tables" 1.02, §3), application usage 0x02 Bar Code Scanner.
 * - 0xF1D0 FIDO Alliance page, usage 0x01 CTAPHID authenticator
 *   (FIDO CTAP 2.1 §11.2.8.1 "HID report descriptor and device discovery").
 */
export const UsagePage = {
  genericDesktop: 0x01,
  barcodeScanner: 0x8c,
  fido: 0xf1d0,
} as const;

export const FIDO_USAGE_CTAPHID = 0x01;
