import type { ReceiptData } from './receipt-data';

/** The receipt as a PDF: copy 1 "(Liên 1: Lưu)", then copy 2 "(Liên 2: Giao người nộp)". */
export async function renderReceipt(data: ReceiptData): Promise<Uint8Array> {
  void data;
  return Promise.reject(new Error('not yet implemented'));
}
