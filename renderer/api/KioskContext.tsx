import { createContext, useContext } from 'react';
import type { KioskApi } from '../../electron/api/client';
import type { Result } from '../../electron/api/contract';

export interface KioskContextValue {
  readonly api: KioskApi;
  readonly info: Result<'system.info'>;
}

export const KioskContext = createContext<KioskContextValue | undefined>(undefined);

export function useKiosk(): KioskContextValue {
  const value = useContext(KioskContext);
  if (!value) throw new Error('useKiosk outside KioskContext');
  return value;
}
