import { describe, expect, it } from 'vitest';
import { isConnectionLoss } from './postgres-connection';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('telling a lost database from a wrong request', () => {
  it('counts refused and reset connections, server shutdowns and pg’s own terminations as lost', () => {
    expect(isConnectionLoss(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(
      true,
    );
    expect(isConnectionLoss(withCode('terminating connection', '57P01'))).toBe(true);
    expect(isConnectionLoss(withCode('connection failure', '08006'))).toBe(true);
    expect(isConnectionLoss(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionLoss(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('does not hide a constraint violation or a syntax error behind "offline"', () => {
    expect(isConnectionLoss(withCode('duplicate key value', '23505'))).toBe(false);
    expect(isConnectionLoss(withCode('syntax error', '42601'))).toBe(false);
    expect(isConnectionLoss('ECONNREFUSED')).toBe(false);
  });
});
