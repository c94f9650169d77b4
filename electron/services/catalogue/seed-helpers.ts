import type { Procedure, ProcedureComponent } from '../../api/contract/procedure';

/** A seeded procedure: the stored Procedure without origin and time, plus its data version. */
export interface SeedProcedure extends Omit<Procedure, 'source' | 'updatedAt'> {
  /** Raise it when the entry's data changes: stored seed rows are refreshed, imported rows never. */
  readonly seedVersion: number;
}

/** One document of the dossier (thành phần hồ sơ). */
export const doc = (
  code: string,
  name: string,
  required: boolean,
  originals: number,
  copies: number,
  formName: string | null = null,
): ProcedureComponent => ({ code, name, required, originals, copies, formName });

export const HO_TICH = 'Hộ tịch';
export const CU_TRU = 'Đăng ký, quản lý cư trú';
export const CHUNG_THUC = 'Chứng thực';
export const UBND_XA = 'UBND cấp xã';
export const CONG_AN_XA = 'Công an cấp xã';
export const CUTOFF = '15:00';
