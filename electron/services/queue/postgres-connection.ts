import pg from 'pg';
import { StoreError } from '../store/store-error';

/** bigint (int8) columns hold epoch milliseconds, far inside a double's exact range. */
const types: pg.CustomTypesConfig = {
  getTypeParser: (oid, format) =>
    oid === pg.types.builtins.INT8 && format !== 'binary'
      ? (value: string) => Number(value)
      : (pg.types.getTypeParser(oid, format) as unknown),
};

/**
 * A small pool: a kiosk makes a handful of queue calls a minute.
 * `name` is what pg_stat_activity shows IT (application_name, at most 63 bytes).
 */
export function centrePool(url: string, name: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 10_000,
    application_name: name.slice(0, 63),
    types,
  });
  // An idle connection the server dropped must not crash the kiosk; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

const LOST_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
]);

/** True when the error means "the database is away", not "the request was wrong". */
export function isConnectionLoss(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (LOST_CODES.has(code) || code.startsWith('08'))) return true;
  return /Connection terminated|connection error|timeout exceeded when trying to connect|not queryable/i.test(
    error.message,
  );
}

export function queueOffline(cause: unknown): StoreError {
  const error = new StoreError(
    'QUEUE_OFFLINE',
    'Hàng đợi chung của trung tâm đang mất kết nối tới máy chủ. Quầy tạm gọi số bằng lời; máy lấy số vẫn cấp số dự phòng. Báo bộ phận CNTT kiểm tra máy chủ PostgreSQL; hàng đợi tự nối lại khi máy chủ trở lại.',
    "The centre's shared queue cannot reach its server. Call numbers aloud for now; the ticket kiosk still issues reserved numbers. Ask IT to check the PostgreSQL server; the queue reconnects by itself when it is back.",
  );
  error.cause = cause;
  return error;
}

export function noReservedNumbers(): StoreError {
  return new StoreError(
    'QUEUE_OFFLINE',
    'Mất kết nối tới máy chủ hàng đợi và máy này đã dùng hết dải số dự phòng. Mời công dân chờ, cấp số viết tay và báo bộ phận CNTT.',
    'The queue server is unreachable and this machine has used all its reserved numbers. Hand out written numbers and call IT.',
  );
}

/**
 * Runs `body` in one transaction on a pooled connection (rolled back on any
 * throw), or, with mode null, statement by statement.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  body: (client: pg.PoolClient) => Promise<T>,
  mode: string | null = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    if (mode !== null) await client.query(mode);
    const result = await body(client);
    if (mode !== null) await client.query('COMMIT');
    return result;
  } catch (error) {
    if (mode === null) throw error;
    await client.query('ROLLBACK').catch((rollback: unknown) => {
      broken = rollback instanceof Error ? rollback : new Error(String(rollback));
    });
    throw error;
  } finally {
    // A connection whose rollback failed is not put back for the next caller.
    client.release(broken);
  }
}
