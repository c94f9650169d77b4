import { useTranslation } from 'react-i18next';
import type { Board } from './display-board';

/**
 * The board itself: a row per counter (the number called there now, its
 * area), then the last calls and the waiting count per area. Sized for a
 * 1920×1080 TV read from 5 m (hall-display.css).
 */
export function HallBoard({
  board,
  highlighted,
}: {
  readonly board: Board;
  readonly highlighted: ReadonlySet<number>;
}) {
  const { t } = useTranslation();
  return (
    <div className="hall-board">
      <section className="hall-counters" aria-label={t('display.title')}>
        {board.counters.map((row) => (
          <div
            key={row.counter}
            className={`hall-counter${highlighted.has(row.counter) ? ' hall-new' : ''}`}
            data-counter={row.counter}
            data-number={row.current?.number ?? ''}
            data-calls={row.current?.calls ?? 0}
          >
            <span className="hall-counter-label">
              {t('display.counter')} <strong>{row.counter}</strong>
            </span>
            <span className="hall-number">{row.current?.number ?? t('display.none')}</span>
            <span className="hall-area">{row.current?.areaName ?? ''}</span>
          </div>
        ))}
      </section>
      <aside className="hall-side">
        <section aria-labelledby="hall-recent">
          <h2 id="hall-recent">{t('display.recent')}</h2>
          {board.recent.length === 0 ? (
            <p>{t('display.noCalls')}</p>
          ) : (
            <ol className="hall-recent">
              {board.recent.map((call) => (
                <li key={`${call.area}-${call.number}`} data-number={call.number}>
                  {t('display.recentCall', { number: call.number, counter: call.counter })}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="hall-waiting">
          <h2 id="hall-waiting">{t('display.waiting')}</h2>
          <ul className="hall-waiting">
            {board.waiting.map((area) => (
              <li key={area.code} data-area={area.code} data-waiting={area.waiting}>
                <span>{area.name}</span>
                <strong>{t('display.waitingCount', { count: area.waiting })}</strong>
              </li>
            ))}
          </ul>
        </section>
      </aside>
    </div>
  );
}
