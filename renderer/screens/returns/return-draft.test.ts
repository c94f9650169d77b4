import { describe, expect, it } from 'vitest';
import {
  emptyDraft,
  fitsBrowserFrame,
  missing,
  recordRequest,
  returnable,
  type ReturnCheck,
  type ReturnDraft,
} from './return-draft';

const CODE = '000.00.00.H00-261205-0001';

function check(over: Partial<ReturnCheck> = {}): ReturnCheck {
  return {
    code: CODE,
    procedureName: 'Đăng ký khai sinh',
    applicantName: 'Nguyễn Thị Hồng Nhung',
    receivedAt: 0,
    dueAt: 0,
    localStatus: '9',
    portal: { kind: 'status', status: '9' },
    ready: true,
    deliveryMode: '0',
    returned: null,
    signingConfigured: false,
    ...over,
  };
}

const result = { name: 'Giấy khai sinh', fileName: 'kq.pdf', base64: 'JVBERi0xLjc=' };

describe('the return draft', () => {
  it('starts with the receiver the citizen chose at intake', () => {
    expect(emptyDraft(check()).receiver).toBe('applicant');
    expect(emptyDraft(check({ deliveryMode: '1' })).receiver).toBe('post');
  });

  it('a ready dossier for the applicant needs the card read and a result, nothing else', () => {
    const draft = emptyDraft(check());
    expect(missing(check(), draft)).toEqual(['needCard', 'needResult']);
    const filled: ReturnDraft = { ...draft, cardName: 'Nguyễn Thị Hồng Nhung', results: [result] };
    expect(missing(check(), filled)).toEqual([]);
  });

  it('an authorised person needs their letter, and a configured token its PIN', () => {
    const c = check({ signingConfigured: true });
    const draft: ReturnDraft = {
      ...emptyDraft(c),
      receiver: 'authorised',
      cardName: 'Trần Văn B',
      results: [result],
    };
    expect(missing(c, draft)).toEqual(['needLetter', 'needPin']);
  });

  it('when the portal cannot say, only the in-hand confirmation lets the return go', () => {
    const c = check({ portal: { kind: 'unreachable' }, ready: false });
    expect(returnable(c)).toBe(true);
    const draft: ReturnDraft = { ...emptyDraft(c), receiver: 'post', results: [result] };
    expect(missing(c, draft)).toEqual(['needInHand']);
    expect(recordRequest(CODE, c, { ...draft, inHand: true }).offlineInHand).toBe(true);
  });

  it('a dossier the portal has not finished, or already returned, is not returnable', () => {
    expect(returnable(check({ portal: { kind: 'status', status: '4' }, ready: false }))).toBe(
      false,
    );
    expect(
      returnable(check({ returned: { returnedAt: 1, receiverName: null, hinhThuc: '0' } })),
    ).toBe(false);
  });

  it('sends the PIN only when a token signs, and an address only when one was typed', () => {
    const draft: ReturnDraft = {
      ...emptyDraft(check()),
      receiver: 'post',
      results: [result],
      pin: '246810',
    };
    const unsigned = recordRequest(CODE, check(), draft);
    expect(unsigned).toEqual({
      query: CODE,
      results: [{ name: 'Giấy khai sinh', pdfBase64: result.base64 }],
      receiver: { kind: 'post' },
      offlineInHand: false,
    });
    const signed = recordRequest(CODE, check({ signingConfigured: true }), {
      ...draft,
      address: ' Thôn 2 ',
    });
    expect(signed.pin).toBe('246810');
    expect(signed.receiver).toEqual({ kind: 'post', address: 'Thôn 2' });
  });

  it('a result over what one browser-shell frame carries is caught before it is sent', () => {
    const big = { ...result, base64: 'A'.repeat(2 * 1024 * 1024) };
    const draft: ReturnDraft = { ...emptyDraft(check()), receiver: 'post', results: [big] };
    expect(fitsBrowserFrame(recordRequest(CODE, check(), draft))).toBe(false);
    expect(fitsBrowserFrame(recordRequest(CODE, check(), { ...draft, results: [result] }))).toBe(
      true,
    );
  });

  it('a scanned result goes as its scan job and kept pages, named and trimmed, and fits any frame', () => {
    const scanned = {
      name: ' Giấy khai sinh ',
      fileName: 'Bản quét (2 trang)',
      scanJobId: '01939a7e-0000-7000-8000-000000000001',
      pages: [1, 0],
    };
    const draft: ReturnDraft = { ...emptyDraft(check()), receiver: 'post', results: [scanned] };
    expect(missing(check(), draft)).toEqual([]);
    const request = recordRequest(CODE, check(), draft);
    expect(request.results).toEqual([
      { name: 'Giấy khai sinh', scanJobId: scanned.scanJobId, pages: [1, 0] },
    ]);
    expect(fitsBrowserFrame(request)).toBe(true);
  });
});
