/** The receipt slip (Mẫu 01): two copies in one A4 PDF. */
export type { ReceiptData } from './receipt-data';
export { renderReceipt } from './render-receipt';
