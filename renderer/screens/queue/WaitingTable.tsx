import { useTranslation } from 'react-i18next';
import type { Result } from '../../../electron/api/contract';

type Status = Result<'queue.status'>;

/**
 * Waiting numbers per area, so the clerk sees at a glance where the hall is
 * full, and the numbers transferred to this counter alone (in no area's line,
 * as "Gọi số tiếp theo" calls them only here).
 */
export function WaitingTable({
  status,
  mine,
  waitingHere,
}: {
  readonly status: Status;
  readonly mine: readonly string[];
  readonly waitingHere: number;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="queue-waiting-title">
      <h2 id="queue-waiting-title">{t('centreQueue.counter.waitingTitle')}</h2>
      <table className="queue-waiting">
        <thead>
          <tr>
            <th scope="col">{t('centreQueue.counter.waitingArea')}</th>
            <th scope="col" className="num">
              {t('centreQueue.counter.waiting')}
            </th>
            <th scope="col" className="num">
              {t('centreQueue.counter.waitingPriority')}
            </th>
            <th scope="col" className="num">
              {t('centreQueue.counter.servedCount')}
            </th>
            <th scope="col" className="num">
              {t('centreQueue.counter.noShows')}
            </th>
            <th scope="col" className="num">
              {t('centreQueue.counter.estimatedWait')}
            </th>
          </tr>
        </thead>
        <tbody>
          {status.areas.map((area) => (
            <tr
              key={area.code}
              data-area={area.code}
              data-waiting={area.waiting}
              className={mine.includes(area.code) ? 'mine' : undefined}
            >
              <th scope="row">{area.name}</th>
              <td className="num">{area.waiting}</td>
              <td className="num">{area.waitingPriority}</td>
              <td className="num">{area.served}</td>
              <td className="num">{area.noShows}</td>
              <td className="num">
                {t('centreQueue.counter.minutes', { n: area.estimatedWaitMinutes })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {waitingHere > 0 && (
        <p className="hint" data-waiting-here={waitingHere}>
          {t('centreQueue.counter.waitingHere', { n: waitingHere })}
        </p>
      )}
    </section>
  );
}
