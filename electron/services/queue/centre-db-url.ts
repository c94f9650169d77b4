import type { CentreConfig } from '../config/centre-schema';
import { StoreError } from '../store/store-error';

/** Where the centre's shared queue lives, with the URL's password hidden for logs and screens. */
export interface CentreDbTarget {
  readonly url: string;
  readonly redacted: string;
  /** From the environment (KIOSK_CENTRE_DB) or config.json (centre.databaseUrl). */
  readonly source: 'env' | 'config';
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
/** libpq modes that encrypt; `prefer`/`allow` fall back to clear text and are refused off-host. */
const TLS_MODES = new Set(['require', 'verify-ca', 'verify-full']);

function configError(vi: string, en: string): StoreError {
  return new StoreError('QUEUE_DB_CONFIG', vi, en);
}

/**
 * The shared queue's database, or null for the embedded SQLite queue. The
 * environment wins over config.json so that each machine keeps its own
 * credentials. A server that is not on this machine must be reached over
 * TLS: the queue carries counters' and clerks' activity across the LAN.
 */
export function resolveCentreDb(
  centre: Pick<CentreConfig, 'databaseUrl'>,
  env: Readonly<Record<string, string | undefined>>,
): CentreDbTarget | null {
  const fromEnv = env.KIOSK_CENTRE_DB?.trim();
  const raw = fromEnv !== undefined && fromEnv !== '' ? fromEnv : centre.databaseUrl;
  if (raw === undefined) return null;
  const source = raw === fromEnv ? 'env' : 'config';
  const where = source === 'env' ? 'KIOSK_CENTRE_DB' : 'centre.databaseUrl';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw configError(
      `${where} không phải một địa chỉ PostgreSQL. Viết theo mẫu postgresql://người-dùng:mật-khẩu@máy-chủ:5432/tên-csdl?sslmode=verify-full.`,
      `${where} is not a PostgreSQL URL. Write it as postgresql://user:password@host:5432/dbname?sslmode=verify-full.`,
    );
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:')
    throw configError(
      `${where} phải bắt đầu bằng postgresql:// (đang là ${url.protocol}//).`,
      `${where} must start with postgresql:// (it is ${url.protocol}//).`,
    );
  const socket = url.searchParams.get('host');
  const local = url.hostname === '' || LOCAL_HOSTS.has(url.hostname) || socket?.startsWith('/');
  const sslmode = url.searchParams.get('sslmode') ?? '';
  if (local !== true && !TLS_MODES.has(sslmode))
    throw configError(
      `Máy chủ hàng đợi ${url.hostname} không nằm trên máy này nên phải dùng TLS: thêm ?sslmode=verify-full vào ${where} (và cài chứng chỉ của máy chủ theo README).`,
      `The queue server ${url.hostname} is not on this machine, so TLS is required: add ?sslmode=verify-full to ${where} (and install the server's certificate as the README shows).`,
    );
  const redacted = new URL(url.href);
  if (redacted.password !== '') redacted.password = '***';
  return { url: raw, redacted: redacted.href, source };
}
