import { useTranslation } from 'react-i18next';
import { useSpokenAlert } from '../../components/voice/use-spoken';
import type { ReceiptOutages } from './receipt-outages';
import './self-service.css';

interface OutageNotesProps {
  readonly outages: ReceiptOutages;
  /** The counter the citizen is sent to ("Quầy số 3"). */
  readonly counter: string;
  /** Before the form ("you can still submit; …") or on the receipt ("the dossier is saved; …"). */
  readonly when: 'start' | 'receipt';
}

/**
 * What a printer or portal outage means for the citizen, in plain words and
 * with the counter's name. The printer note is an alert (the citizen must act:
 * the paper receipt comes from the counter); the portal note is a status
 * (nothing to do, the dossier leaves when the network returns).
 */
export function OutageNotes({ outages, counter, when }: OutageNotesProps) {
  const { t } = useTranslation();
  const printer =
    when === 'start'
      ? t('kiosk.printerDown', { counter })
      : t('selfService.receipt.printerDown', { counter });
  const portal =
    when === 'start'
      ? t('kiosk.portalDown', { counter })
      : t('selfService.receipt.portalDown', { counter });
  // Read aloud when they appear, as every outage is, for a citizen who listens.
  useSpokenAlert(
    [outages.printer ? printer : '', outages.portal ? portal : ''].join(' ').trim() || undefined,
  );
  if (!outages.printer && !outages.portal) return null;
  return (
    <div className="outage-notes">
      {outages.printer && (
        <p role="alert" className="error outage" data-outage="printer">
          {printer}
        </p>
      )}
      {outages.portal && (
        <p role="status" className="outage-note" data-outage="portal">
          {portal}
        </p>
      )}
    </div>
  );
}
