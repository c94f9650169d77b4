import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useKiosk } from '../api/KioskContext';

interface Depth {
  readonly pending: number;
  readonly parked: number;
}

/** "3 hồ sơ chờ đồng bộ": the outbox depth, live from `queue.changed`. */
export function QueueBadge() {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const [depth, setDepth] = useState<Depth | undefined>(undefined);

  useEffect(() => {
    void api.dossier.list({ limit: 1 }).then((result) => {
      if (result.ok) setDepth(result.value.depth);
    });
    return api.on('queue.changed', setDepth);
  }, [api]);

  if (!depth) return null;
  return (
    <Link to="/dossiers" className="queue-badge" aria-live="polite">
      {depth.pending === 0 && depth.parked === 0 && t('queue.allSynced')}
      {depth.pending > 0 && <span>{t('queue.pending', { count: depth.pending })}</span>}
      {depth.parked > 0 && (
        <span className="parked">{t('queue.parked', { count: depth.parked })}</span>
      )}
    </Link>
  );
}
