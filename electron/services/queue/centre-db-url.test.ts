import { describe, expect, it } from 'vitest';
import { resolveCentreDb } from './centre-db-url';

describe('the centre queue database address', () => {
  it('is absent without config or environment: the queue stays in SQLite', () => {
    expect(resolveCentreDb({}, {})).toBeNull();
    expect(resolveCentreDb({}, { KIOSK_CENTRE_DB: '  ' })).toBeNull();
  });

  it('takes KIOSK_CENTRE_DB over config.json, so each machine keeps its own credentials', () => {
    const target = resolveCentreDb(
      { databaseUrl: 'postgresql://shared@127.0.0.1/centre' },
      { KIOSK_CENTRE_DB: 'postgresql://quay1:bimat@localhost:5432/centre' },
    );
    expect(target?.source).toBe('env');
    expect(target?.url).toBe('postgresql://quay1:bimat@localhost:5432/centre');
    expect(target?.redacted).toBe('postgresql://quay1:***@localhost:5432/centre');
  });

  it('refuses a server on another machine without TLS, naming the fix', () => {
    expect(() => resolveCentreDb({ databaseUrl: 'postgresql://k:p@10.0.0.5/centre' }, {})).toThrow(
      /sslmode=verify-full/,
    );
    expect(() =>
      resolveCentreDb({ databaseUrl: 'postgresql://k:p@10.0.0.5/centre?sslmode=prefer' }, {}),
    ).toThrow(expect.objectContaining({ code: 'QUEUE_DB_CONFIG' }) as Error);
    const tls = resolveCentreDb(
      { databaseUrl: 'postgresql://k:p@db.trungtam.local/centre?sslmode=verify-full' },
      {},
    );
    expect(tls?.source).toBe('config');
  });

  it('accepts a local Unix socket without TLS', () => {
    expect(
      resolveCentreDb(
        { databaseUrl: 'postgresql:///centre?host=/var/run/postgresql&user=kiosk' },
        {},
      ),
    ).not.toBeNull();
  });

  it('says in Vietnamese how to write a URL that is not one', () => {
    expect(() => resolveCentreDb({ databaseUrl: 'mysql://x@localhost/db' }, {})).toThrow(
      expect.objectContaining({ vi: expect.stringContaining('postgresql://') as string }) as Error,
    );
    expect(() => resolveCentreDb({ databaseUrl: 'không phải url' }, {})).toThrow(
      expect.objectContaining({ code: 'QUEUE_DB_CONFIG' }) as Error,
    );
  });
});
