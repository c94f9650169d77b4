import { StoreError } from '../store/store-error';
import type { QueueArea } from './centre-queue-store';

/** The queue's typed errors; each text names the fix, with the valid choices. */
export function unknownArea(code: string, areas: readonly QueueArea[]): StoreError {
  const list = areas.map((a) => `${a.code} (${a.name})`).join(', ');
  return new StoreError(
    'QUEUE_AREA_UNKNOWN',
    `Không có lĩnh vực "${code}". Chọn một trong: ${list}.`,
    `No area "${code}". Choose one of: ${list}.`,
  );
}

/** `configured`: every counter some area names (queue-rules' countersOf), ascending. */
export function unknownCounter(counter: number, configured: readonly number[]): StoreError {
  const list = configured.join(', ');
  return new StoreError(
    'QUEUE_COUNTER_UNKNOWN',
    `Quầy số ${counter} không phục vụ lĩnh vực nào. Các quầy trong cấu hình: ${list}; thêm quầy vào centre.areas trong config.json nếu cần.`,
    `Counter ${counter} serves no area. Configured counters: ${list}; add it to centre.areas in config.json if needed.`,
  );
}

export function noCurrent(counter: number): StoreError {
  return new StoreError(
    'QUEUE_NO_CURRENT',
    `Quầy số ${counter} chưa gọi số nào. Gọi số tiếp theo trước.`,
    `Counter ${counter} has no called number. Call the next one first.`,
  );
}

export function callLimit(number: number, maxCalls: number): StoreError {
  return new StoreError(
    'QUEUE_CALL_LIMIT',
    `Số ${number} đã được gọi ${maxCalls} lần. Bỏ qua số này (vắng mặt) rồi gọi số tiếp theo.`,
    `Number ${number} has been called ${maxCalls} times. Skip it (no-show), then call the next.`,
  );
}

export function skipTooEarly(number: number, calls: number, maxCalls: number): StoreError {
  return new StoreError(
    'QUEUE_SKIP_TOO_EARLY',
    `Số ${number} mới được gọi ${calls}/${maxCalls} lần. Gọi lại số này trước khi bỏ qua.`,
    `Number ${number} has been called ${calls}/${maxCalls} times. Call it again before skipping.`,
  );
}

export function invalidQueueRequest(vi: string, en: string): StoreError {
  return new StoreError('QUEUE_INVALID', vi, en);
}
