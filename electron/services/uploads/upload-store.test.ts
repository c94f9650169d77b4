import { describe, expect, it } from 'vitest';
import { UploadStore } from './upload-store';

const pdf = 'application/pdf';

describe('UploadStore', () => {
  it('keeps the twenty results of one return until the call that names them', () => {
    const uploads = new UploadStore();
    const ids = Array.from({ length: 20 }, (_, i) => uploads.put(Buffer.alloc(1024, i), pdf));
    for (const [i, id] of ids.entries()) expect(uploads.take(id, pdf)[0]).toBe(i);
  });

  it('drops the oldest uploads once the bytes held pass the budget, never the newest', () => {
    const uploads = new UploadStore({ maxTotalBytes: 10 });
    const first = uploads.put(Buffer.alloc(6), pdf);
    const second = uploads.put(Buffer.alloc(6), pdf);
    expect(() => uploads.take(first, pdf)).toThrow(
      expect.objectContaining({ code: 'INVALID_PAYLOAD' }) as Error,
    );
    expect(uploads.take(second, pdf)).toHaveLength(6);
    // A taken upload frees its bytes: two more of 5 fit.
    const a = uploads.put(Buffer.alloc(5), pdf);
    const b = uploads.put(Buffer.alloc(5), pdf);
    expect(uploads.take(a, pdf)).toHaveLength(5);
    expect(uploads.take(b, pdf)).toHaveLength(5);
  });

  it('an upload is taken once, and only as the type it was sent as', () => {
    const uploads = new UploadStore();
    const id = uploads.put(Buffer.from('%PDF-1.7'), pdf);
    expect(() => uploads.take(id, 'image/png')).toThrow(
      expect.objectContaining({ code: 'INVALID_PAYLOAD' }) as Error,
    );
    const again = uploads.put(Buffer.from('%PDF-1.7'), pdf);
    uploads.take(again, pdf);
    expect(() => uploads.take(again, pdf)).toThrow(
      expect.objectContaining({ code: 'INVALID_PAYLOAD' }) as Error,
    );
  });
});
