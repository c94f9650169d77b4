import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenWire } from '../../electron/api/contract/citizen';
import { CardReadPanel } from '../components/CardReadPanel';
import { formatDate } from '../i18n/format';

/**
 * Self-service: the citizen puts the ID card on the reader and types the
 * 12-digit number printed on it; the chip replaces every form field about
 * them. One question on the screen, big targets.
 */
export function KioskCard() {
  const { t } = useTranslation();
  const [citizen, setCitizen] = useState<CitizenWire | undefined>(undefined);
  return (
    <main className="screen kiosk-card">
      <h1>{t('kiosk.submit')}</h1>
      <CardReadPanel
        large
        onRead={(read) => {
          setCitizen(read.citizen);
        }}
      />
      {citizen && (
        <dl className="citizen" data-citizen-id={citizen.id}>
          <dt>{t('reception.fullName')}</dt>
          <dd>{citizen.fullName}</dd>
          <dt>{t('reception.id')}</dt>
          <dd>{citizen.id}</dd>
          <dt>{t('reception.birthDate')}</dt>
          <dd>{formatDate(citizen.birthDate)}</dd>
          <dt>{t('reception.residence')}</dt>
          <dd>{citizen.placeOfResidence ?? '—'}</dd>
        </dl>
      )}
    </main>
  );
}
