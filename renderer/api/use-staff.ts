import { createContext, useContext } from 'react';
import type { Result } from '../../electron/api/contract';

export type StaffInfo = NonNullable<Result<'auth.status'>['staff']>;

export interface StaffContextValue {
  readonly staff: StaffInfo | null;
  readonly setStaff: (staff: StaffInfo | null) => void;
}

export const StaffContext = createContext<StaffContextValue>({
  staff: null,
  setStaff: () => undefined,
});

export function useStaff(): StaffContextValue {
  return useContext(StaffContext);
}
