import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, Link, Navigate, Route, Routes, useNavigate } from 'react-router';
import { useKiosk } from './api/KioskContext';
import { TOKEN_KEY } from './api/kiosk-client';
import { StaffContext, type StaffInfo } from './api/use-staff';
import { IdleGuard } from './components/IdleGuard';
import { LanguageSwitch } from './components/LanguageSwitch';
import { QueueBadge } from './components/QueueBadge';
import { KioskPrefsProvider, useKioskPrefs } from './components/voice/KioskPrefs';
import { KioskTools } from './components/voice/KioskTools';
import { Diagnostics } from './screens/Diagnostics';
import { HallDisplay } from './screens/display/HallDisplay';
import { Dossiers } from './screens/Dossiers';
import { Intake } from './screens/intake/Intake';
import { KioskStart } from './screens/KioskStart';
import { CounterQueue } from './screens/queue/CounterQueue';
import { MY_COUNTER_KEY } from './screens/queue/use-my-counter';
import { TakeNumber } from './screens/queue/TakeNumber';
import { StatusLookup } from './screens/lookup/StatusLookup';
import { KioskSubmit } from './screens/self-service/KioskSubmit';
import { PasskeyAdmin } from './screens/PasskeyAdmin';
import { RateScreen } from './screens/rate/RateScreen';
import { ReturnResult } from './screens/returns/ReturnResult';
import { Copies } from './screens/copies/Copies';
import { CopyBook } from './screens/copies/CopyBook';
import { CounterNotice } from './screens/forms/CounterNotice';
import { TrackingBook } from './screens/forms/TrackingBook';
import { SignIn } from './screens/SignIn';
import { StaffStart } from './screens/StaffStart';

/**
 * The reports screen and its charting library load only when a clerk opens
 * it, so the citizen's kiosk screens do not download chart.js.
 */
const CentreReport = lazy(async () => ({
  default: (await import('./screens/reports/CentreReport')).CentreReport,
}));

/**
 * Forgets everything a citizen's session left in this page, except the
 * shell's session token and the counter this machine sits at (neither is
 * anybody's data).
 */
function wipePageStorage(): void {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const counter = localStorage.getItem(MY_COUNTER_KEY);
  sessionStorage.clear();
  localStorage.clear();
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  if (counter) localStorage.setItem(MY_COUNTER_KEY, counter);
}

function Shell({ connected }: { readonly connected: boolean }) {
  const { t, i18n } = useTranslation();
  const { api, info } = useKiosk();
  const navigate = useNavigate();
  const prefs = useKioskPrefs();
  const { largeText, reset: resetPrefs } = prefs;
  const [staff, setStaff] = useState<StaffInfo | null>(null);
  const staffContext = useMemo(() => ({ staff, setStaff }), [staff]);
  const kioskMode = info.mode === 'kiosk';

  useEffect(() => {
    void api.auth.status().then((result) => {
      if (result.ok) setStaff(result.value.staff);
    });
  }, [api]);

  // The core's process restarted: the page stays, but a staff sign-in (and a
  // chip read) lived in the core's memory and are gone with it.
  const [core, setCore] = useState<'ready' | 'restarting' | 'failed'>('ready');
  useEffect(
    () =>
      api.on('core.state', ({ state }) => {
        setCore(state);
        if (state === 'restarting') setStaff(null);
      }),
    [api],
  );

  const signOut = () => {
    setStaff(null);
    void api.auth.signOut();
    void navigate('/', { replace: true });
  };

  const endSession = useCallback(() => {
    resetPrefs();
    setStaff(null);
    wipePageStorage();
    void i18n.changeLanguage(info.locale);
    void navigate('/', { replace: true });
    void api.session.end({ reason: 'idle' });
  }, [api, i18n, info.locale, navigate, resetPrefs]);

  return (
    <StaffContext.Provider value={staffContext}>
      <div className={`app mode-${info.mode}${largeText ? ' large-text' : ''}`}>
        <header className="topbar">
          <Link to="/" className="brand">
            <span className="brand-title">{t('app.title')}</span>
            <span className="brand-unit">
              {info.agencyName} — {t('app.unit')}
            </span>
          </Link>
          {!kioskMode && staff && <QueueBadge />}
          {!kioskMode && staff && staff.role !== 'it' && (
            <Link to="/copies" className="staff-nav">
              {t('copies.nav')}
            </Link>
          )}
          {!kioskMode && staff && (
            <span className="staff-badge">
              {t('signIn.signedInAs', { name: staff.displayName ?? staff.username })}
              <button type="button" onClick={signOut}>
                {t('signIn.signOut')}
              </button>
            </span>
          )}
          {!kioskMode && <LanguageSwitch />}
        </header>
        {/* An aside, not a bare div: axe wants all content inside a landmark. */}
        {info.trainingMode && <aside className="training-banner">{t('app.training')}</aside>}
        {kioskMode && <KioskTools />}
        {!connected && (
          <div role="alert" className="connection-lost">
            {t('connection.lost')}
          </div>
        )}
        {connected && core === 'restarting' && (
          <p role="status" className="booting">
            {t('connection.restarting')}
          </p>
        )}
        {connected && core === 'failed' && (
          <div role="alert" className="connection-lost">
            {t('connection.coreFailed')}
          </div>
        )}
        <Routes>
          <Route
            path="/"
            element={kioskMode ? <KioskStart /> : staff ? <StaffStart /> : <SignIn />}
          />
          <Route path="/diagnostics" element={<Diagnostics />} />
          <Route
            path="/kiosk/submit"
            element={kioskMode ? <KioskSubmit /> : <Navigate to="/" replace />}
          />
          <Route
            path="/kiosk/queue"
            element={kioskMode ? <TakeNumber /> : <Navigate to="/" replace />}
          />
          <Route path="/queue" element={staff ? <CounterQueue /> : <Navigate to="/" replace />} />
          <Route path="/lookup" element={<StatusLookup />} />
          <Route path="/reception" element={staff ? <Intake /> : <Navigate to="/" replace />} />
          <Route path="/dossiers" element={staff ? <Dossiers /> : <Navigate to="/" replace />} />
          <Route path="/returns" element={staff ? <ReturnResult /> : <Navigate to="/" replace />} />
          <Route
            path="/reports"
            element={
              staff ? (
                <Suspense fallback={<p className="screen">…</p>}>
                  <CentreReport />
                </Suspense>
              ) : (
                <Navigate to="/" replace />
              )
            }
          />
          <Route
            path="/copies"
            element={staff && staff.role !== 'it' ? <Copies /> : <Navigate to="/" replace />}
          />
          <Route
            path="/copies/book"
            element={staff && staff.role !== 'it' ? <CopyBook /> : <Navigate to="/" replace />}
          />
          <Route
            path="/forms/notice"
            element={staff ? <CounterNotice /> : <Navigate to="/" replace />}
          />
          <Route
            path="/forms/book"
            element={staff ? <TrackingBook /> : <Navigate to="/" replace />}
          />
          <Route
            path="/staff/keys"
            element={staff?.role === 'admin' ? <PasskeyAdmin /> : <Navigate to="/" replace />}
          />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
        <footer className="footer">
          <Link to="/">{t('nav.home')}</Link>
          {/* Citizens never see staff pages: IT opens Diagnostics by its address. */}
          {!kioskMode && <Link to="/diagnostics">{t('nav.diagnostics')}</Link>}
          {staff?.role === 'admin' && <Link to="/staff/keys">{t('passkeys.link')}</Link>}
          <span className="version">
            v{info.appVersion} · {info.shell}
          </span>
        </footer>
        <IdleGuard timeoutSeconds={info.idleTimeoutSeconds} onIdle={endSession} />
      </div>
    </StaffContext.Provider>
  );
}

export function App({ connected }: { readonly connected: boolean }) {
  return (
    <HashRouter>
      <Routes>
        {/* The hall's TV: no header, no sign-in, and no idle wipe taking it off the numbers. */}
        <Route path="/display" element={<HallDisplay connected={connected} />} />
        <Route
          path="*"
          element={
            <KioskPrefsProvider>
              <Routes>
                {/* The citizen-facing rating tablet: no top bar, no idle wipe (it waits all day). */}
                <Route path="/rate" element={<RateScreen connected={connected} />} />
                <Route path="*" element={<Shell connected={connected} />} />
              </Routes>
            </KioskPrefsProvider>
          }
        />
      </Routes>
    </HashRouter>
  );
}
