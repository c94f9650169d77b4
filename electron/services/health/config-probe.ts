import { KioskError } from '../../api/errors';
import { loadConfig, type LoadedConfig } from '../config/config-file';
import type { HealthCheck } from './health-check';

/** Loads the config for a check: a broken file is a `fail` naming the bad key. */
export function checkConfig(dataDir: string): { check: HealthCheck; loaded?: LoadedConfig } {
  try {
    const loaded = loadConfig(dataDir);
    return {
      check: {
        id: 'config',
        kind: 'system',
        status: 'ok',
        detail: `${loaded.path}${loaded.created ? ' (created with defaults)' : ''}`,
        detailVi: `Tệp cấu hình hợp lệ: ${loaded.path}${loaded.created ? ' (vừa tạo với giá trị mặc định)' : ''}`,
      },
      loaded,
    };
  } catch (error) {
    const detail = error instanceof KioskError ? error.message : String(error);
    return {
      check: {
        id: 'config',
        kind: 'system',
        status: 'fail',
        detail,
        detailVi: `Tệp cấu hình có lỗi. Chi tiết: ${detail}`,
        fix: {
          vi: 'Sửa khoá được nêu trong tệp cấu hình (tệp không bị ghi đè), hoặc xoá tệp để dùng giá trị mặc định.',
          en: 'Fix the key named in the config file (it is never overwritten), or delete the file to use the defaults.',
        },
      },
    };
  }
}
