import { StrictMode, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { errorMessages } from '../electron/api/error-messages';
import { connectKiosk } from './api/kiosk-client';
import { KioskContext } from './api/KioskContext';
import { App } from './App';
import { en } from './i18n/en';
import { initI18n } from './i18n/index';
import { vi } from './i18n/vi';
import './styles.css';

let connected = false;
const connectionListeners = new Set<() => void>();
const subscribeConnection = (listener: () => void) => {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
};
const getConnection = () => connected;

function Root({
  value,
}: {
  readonly value: React.ComponentProps<typeof KioskContext.Provider>['value'];
}) {
  const up = useSyncExternalStore(subscribeConnection, getConnection);
  return (
    <KioskContext.Provider value={value}>
      <App connected={up} />
    </KioskContext.Provider>
  );
}

/** A message with no React and no API, for when the page cannot even start. */
function fail(message: string): void {
  const box = document.createElement('p');
  box.className = 'fatal';
  box.setAttribute('role', 'alert');
  box.textContent = message;
  document.body.replaceChildren(box);
}

async function start(): Promise<void> {
  const api = connectKiosk((up) => {
    connected = up;
    for (const listener of connectionListeners) listener();
  });
  if (!api) {
    fail(`${vi.connection.noToken}\n${en.connection.noToken}`);
    return;
  }
  const info = await api.system.info();
  if (!info.ok) {
    const message = errorMessages[info.error.code];
    fail(`${message.vi}\n${message.en} (${info.error.code})`);
    return;
  }
  await initI18n(info.value.locale);
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <Root value={{ api, info: info.value }} />
    </StrictMode>,
  );
}

void start();
