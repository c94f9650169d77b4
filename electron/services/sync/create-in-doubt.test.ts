import { describe, expect, it } from 'vitest';
import { createInDoubt, DEFAULT_CREATE_SETTLE_MS } from './create-in-doubt';

describe('a create whose outcome is still unknown', () => {
  it('is a transient wait of the given length on a portal that answered, not a failure', () => {
    const e = createInDoubt(12_000);
    expect(e).toMatchObject({
      name: 'PortalError',
      kind: 'transient',
      status: null,
      errorCode: null,
      answered: true,
      retryAfterMs: 12_000,
    });
  });

  it('tells the clerk in whole seconds, rounded up, how long until the dossier is looked up again', () => {
    expect(createInDoubt(1_500).vi).toBe(
      'Chưa rõ Cổng đã nhận lần gửi trước hay chưa; chờ 2 giây rồi tra cứu lại trước khi gửi.',
    );
    expect(createInDoubt(DEFAULT_CREATE_SETTLE_MS).message).toBe(
      "The previous create's outcome is unknown; looking the dossier up again in 30 s before sending it.",
    );
  });
});
