/** Why a HID operation failed, in terms the operator can act on. */
export type HidErrorCode =
  'permission-denied' | 'device-gone' | 'busy' | 'unavailable' | 'timeout' | 'protocol';

export const UDEV_RULE_FILE = '70-mot-cua-kiosk.rules';

const texts: Record<HidErrorCode, (path: string) => { vi: string; en: string }> = {
  'permission-denied': (path) => ({
    vi: `Không có quyền mở thiết bị HID ${path}. Hãy cài quy tắc udev ${UDEV_RULE_FILE} (gói cài đặt đặt nó vào /etc/udev/rules.d/), chạy "udevadm control --reload && udevadm trigger", thêm tài khoản kiosk vào nhóm plugdev rồi cắm lại thiết bị.`,
    en: `No permission to open HID device ${path}. Install the udev rule ${UDEV_RULE_FILE} (the package puts it in /etc/udev/rules.d/), run "udevadm control --reload && udevadm trigger", add the kiosk account to the plugdev group, then re-plug the device.`,
  }),
  'device-gone': (path) => ({
    vi: `Thiết bị HID ${path} đã bị rút ra hoặc mất kết nối. Hãy cắm lại thiết bị rồi thử lại.`,
    en: `HID device ${path} was unplugged or disconnected. Plug it back in and try again.`,
  }),
  busy: (path) => ({
    vi: `Thiết bị HID ${path} đang được chương trình khác dùng. Hãy đóng chương trình đó (trình duyệt, phần mềm của hãng) rồi thử lại.`,
    en: `HID device ${path} is in use by another program. Close that program (a browser, the vendor's tool) and try again.`,
  }),
  unavailable: (path) => ({
    vi: `Không dùng được thư viện HID (node-hid) để mở ${path}. Hãy cài lại ứng dụng; nếu vẫn lỗi, báo bộ phận CNTT kèm nhật ký.`,
    en: `The HID library (node-hid) could not be used for ${path}. Reinstall the app; if it persists, send the log to IT.`,
  }),
  timeout: (path) => ({
    vi: `Thiết bị HID ${path} không trả lời kịp. Hãy rút ra, cắm lại rồi thử lại.`,
    en: `HID device ${path} did not answer in time. Unplug it, plug it back in and try again.`,
  }),
  protocol: (path) => ({
    vi: `Thiết bị HID ${path} trả lời sai giao thức. Thiết bị có thể không được hỗ trợ; hãy báo bộ phận CNTT.`,
    en: `HID device ${path} answered outside the protocol. It may be unsupported; tell IT.`,
  }),
};

/** A typed HID failure; `vi` and `en` say what happened and what to do next. */
export class HidError extends Error {
  readonly code: HidErrorCode;
  readonly path: string;
  readonly vi: string;
  readonly en: string;

  constructor(code: HidErrorCode, path: string, detail?: string) {
    const text = texts[code](path);
    super(detail === undefined ? text.en : `${text.en} (${detail})`);
    this.name = 'HidError';
    this.code = code;
    this.path = path;
    this.vi = text.vi;
    this.en = text.en;
  }
}

/**
 * Classifies an error thrown by node-hid / hidapi. hidapi's Linux hidraw
 * backend reports strerror() text ("Permission denied", "No such device",
 * "Device or resource busy"); other backends say "cannot open device".
 */
export function toHidError(error: unknown, path: string): HidError {
  if (error instanceof HidError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (/permission denied|access (is )?denied|EACCES|EPERM/i.test(detail)) {
    return new HidError('permission-denied', path, detail);
  }
  if (/busy|EBUSY|sharing violation/i.test(detail)) return new HidError('busy', path, detail);
  if (
    /no such (device|file)|ENODEV|ENOENT|disconnected|could not read|not connected|closed/i.test(
      detail,
    )
  ) {
    return new HidError('device-gone', path, detail);
  }
  return new HidError('unavailable', path, detail);
}
