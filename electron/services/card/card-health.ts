import type { HealthCheck, HealthProbe } from '../health/health-check';
import type { CardService } from './card-service';

/** Diagnostics line for the chip-card bridge: pcscd, readers, and whether a card is on one. */
export function createCardHealthProbe(service: CardService): HealthProbe {
  const probe = { id: 'card-readers', kind: 'device' as const };
  return {
    ...probe,
    check: (): Promise<HealthCheck> => {
      const { serviceUp, readers } = service.status();
      if (!serviceUp) {
        return Promise.resolve({
          ...probe,
          status: 'fail',
          detail: 'pcscd not reachable; the bridge retries with back-off',
          detailVi:
            'Không kết nối được dịch vụ đầu đọc thẻ (pcscd); kiosk tự thử lại, mỗi lần cách lâu hơn.',
          fix: {
            vi: 'Dịch vụ thẻ thông minh (pcscd) không chạy; hãy chạy "sudo systemctl enable --now pcscd.socket" rồi đợi vài giây.',
            en: 'The smart-card service (pcscd) is not running; run "sudo systemctl enable --now pcscd.socket" and wait a few seconds.',
          },
        });
      }
      if (readers.length === 0) {
        return Promise.resolve({
          ...probe,
          status: 'warn',
          detail: 'no PC/SC reader',
          detailVi: 'Không thấy đầu đọc thẻ nào (PC/SC).',
          fix: {
            vi: 'Chưa có đầu đọc thẻ; hãy cắm đầu đọc vào cổng USB.',
            en: 'No card reader; plug the reader into a USB port.',
          },
        });
      }
      const withCard = readers.filter((r) => r.cardPresent).length;
      const names = readers.map((r) => r.name).join(', ');
      return Promise.resolve({
        ...probe,
        status: 'ok',
        detail: `${readers.length} reader(s): ${names}; ${withCard} with a card`,
        detailVi: `Có ${readers.length} đầu đọc: ${names}; ${withCard} đầu đọc đang có thẻ.`,
      });
    },
  };
}
