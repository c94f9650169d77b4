import { describe, expect, it } from 'vitest';
import type { HealthReport } from '../../../electron/api/contract/system';
import { receiptOutages } from './receipt-outages';

const report = (checks: HealthReport['checks']): HealthReport => ({
  checkedAt: '2026-12-06T03:00:00.000Z',
  checks,
});

describe('receiptOutages', () => {
  it('a failed portal and a failed printer are both outages', () => {
    expect(
      receiptOutages(
        report([
          { id: 'portal', kind: 'service', status: 'fail', detail: 'refused' },
          { id: 'printer', kind: 'device', status: 'fail', detail: 'no cups' },
        ]),
      ),
    ).toEqual({ portal: true, printer: true });
  });

  it('a warning or an unknown state sends nobody to the counter', () => {
    expect(
      receiptOutages(
        report([
          { id: 'portal', kind: 'service', status: 'warn', detail: 'slow' },
          { id: 'printer', kind: 'device', status: 'unknown', detail: '' },
        ]),
      ),
    ).toEqual({ portal: false, printer: false });
  });

  it('another device failing is not a receipt outage', () => {
    expect(
      receiptOutages(report([{ id: 'scanners', kind: 'device', status: 'fail', detail: '' }])),
    ).toEqual({ portal: false, printer: false });
  });
});
