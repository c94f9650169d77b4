import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../api/KioskContext';
import { useApiErrorText } from '../../i18n/use-api-error-text';
import { applyCall, applyStatus, emptyBoard, type Board, type BoardCall } from './display-board';
import { HallBoard } from './HallBoard';
import { useHallVoice } from './use-hall-voice';
import './hall-display.css';

/** The status is read again this often, besides after each call or change. */
const REFRESH_MS = 15_000;
/** A new call stands out this long. */
const HIGHLIGHT_MS = 8_000;

/**
 * The hall's TV screen (`/display`): no sign-in and nothing personal — the
 * number each counter calls now, the last calls, who waits per area — and
 * each call said aloud. While the page has lost the core it shows
 * "Đang kết nối lại…" instead of numbers that may no longer be true.
 */
export function HallDisplay({ connected }: { readonly connected: boolean }) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const { api, info } = useKiosk();
  const [board, setBoard] = useState<Board>(emptyBoard);
  /** False until a status read after the last (re)connection succeeded. */
  const [fresh, setFresh] = useState(false);
  const [coreUp, setCoreUp] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<ReadonlyMap<number, number>>(new Map());
  const { announce, sound, enable, spoken } = useHallVoice(api);
  // A lost or regained connection makes what is shown stale until read again
  // (React's "adjust state when a prop changes", done during render).
  const [seenConnected, setSeenConnected] = useState(connected);
  if (connected !== seenConnected) {
    setSeenConnected(connected);
    setFresh(false);
  }
  /** Calls heard so far: a status asked for before the latest call is stale when it answers. */
  const callsHeard = useRef(0);

  const refresh = useCallback(() => {
    const asked = callsHeard.current;
    void api.queue.status().then((result) => {
      if (!result.ok) {
        setFailure(errorText(result.error));
        return;
      }
      if (asked !== callsHeard.current) return;
      setFailure(null);
      setBoard((current) => applyStatus(current, result.value));
      setFresh(true);
    });
  }, [api, errorText]);

  useEffect(() => {
    const stop = api.on('queue.called', (call: BoardCall) => {
      callsHeard.current += 1;
      setBoard((current) => applyCall(current, call));
      setHighlight((current) => new Map(current).set(call.counter, Date.now() + HIGHLIGHT_MS));
      announce(call);
      refresh();
    });
    return stop;
  }, [api, refresh, announce]);

  // A number taken or a ticket finished anywhere: the waiting counts are read again, nothing is said.
  useEffect(
    () =>
      api.on('queue.areaChanged', () => {
        refresh();
      }),
    [api, refresh],
  );

  useEffect(
    () =>
      api.on('core.state', ({ state }) => {
        setCoreUp(state === 'ready');
        if (state === 'ready') refresh();
        else setFresh(false);
      }),
    [api, refresh],
  );

  // Each (re)connection reads the status again before numbers are shown.
  useEffect(() => {
    if (!connected) return;
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      clearInterval(timer);
    };
  }, [connected, refresh]);

  // Highlights end on their own; one timer for the earliest.
  useEffect(() => {
    if (highlight.size === 0) return;
    const next = Math.min(...highlight.values());
    const timer = setTimeout(
      () => {
        const now = Date.now();
        setHighlight((current) => new Map([...current].filter(([, until]) => until > now)));
      },
      Math.max(0, next - Date.now()) + 20,
    );
    return () => {
      clearTimeout(timer);
    };
  }, [highlight]);

  const live = connected && coreUp && fresh;
  return (
    <main
      className="hall"
      lang="vi"
      data-live={live ? 'yes' : 'no'}
      data-spoken={spoken}
      data-sound={sound}
    >
      <header className="hall-header">
        <h1>{t('display.title')}</h1>
        <p className="hall-agency">{info.agencyName}</p>
      </header>
      {live ? (
        <HallBoard board={board} highlighted={new Set(highlight.keys())} />
      ) : (
        <div role="status" className="hall-reconnecting">
          <p className="hall-reconnecting-title">{t('display.reconnecting')}</p>
          <p>{t('display.reconnectingHint')}</p>
        </div>
      )}
      {failure !== null && (
        <p role="alert" className="hall-failure">
          {t('display.statusFailed', { reason: failure })}
        </p>
      )}
      {sound === 'blocked' && (
        <div className="hall-sound">
          <button type="button" className="hall-sound-button" onClick={enable}>
            {t('display.soundOn')}
          </button>
          <p>{t('display.soundHint')}</p>
        </div>
      )}
    </main>
  );
}
