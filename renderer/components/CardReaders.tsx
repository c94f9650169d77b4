import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../electron/api/contract';
import { useKiosk } from '../api/KioskContext';

type CardStatus = EventPayload<'card.status'>;

/** Readers and card presence, live from `card.status`. */
export function CardReaders() {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const [status, setStatus] = useState<CardStatus | undefined>(undefined);

  useEffect(() => {
    void api.card.readers().then((result) => {
      if (result.ok) setStatus(result.value);
    });
    return api.on('card.status', setStatus);
  }, [api]);

  if (!status) return null;
  return (
    <section className="card-readers" aria-labelledby="card-readers-title">
      <h2 id="card-readers-title">{t('card.readers')}</h2>
      {!status.serviceUp && <p className="error">{t('card.serviceDown')}</p>}
      {status.serviceUp && status.readers.length === 0 && <p>{t('card.noReader')}</p>}
      <ul>
        {status.readers.map((reader) => (
          <li
            key={reader.name}
            data-reader={reader.name}
            data-card={reader.cardPresent ? 'present' : 'absent'}
          >
            <strong>{reader.name}</strong> —{' '}
            <span className={`badge badge-${reader.cardPresent ? 'ok' : 'unknown'}`}>
              {reader.cardPresent ? t('card.cardPresent') : t('card.noCard')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
