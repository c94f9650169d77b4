/** Vietnamese strings of the hall display `/display` (the source; display.en.ts mirrors the keys). */
export const displayVi = {
  title: 'Mời công dân đến quầy',
  counter: 'Quầy',
  none: '—',
  recent: 'Vừa gọi',
  recentCall: 'Số {{number}} → quầy {{counter}}',
  waiting: 'Đang chờ',
  waitingCount: '{{count}} người',
  noCalls: 'Chưa gọi số nào.',
  reconnecting: 'Đang kết nối lại…',
  reconnectingHint: 'Màn hình sẽ hiện lại số thứ tự ngay khi kết nối xong.',
  soundOn: 'Bật âm thanh',
  soundHint: 'Nhấn một lần để màn hình đọc số thứ tự bằng giọng nói.',
  statusFailed: 'Chưa đọc được hàng chờ: {{reason}} Màn hình sẽ tự thử lại.',
} as const;
