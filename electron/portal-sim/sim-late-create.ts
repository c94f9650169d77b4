/**
 * `POST /__sim/late-create?count=N`: the next N create calls (DongBoHoSoMC with
 * isUpdating "False") get a `late-commit` fault whatever the fault rate, so a
 * test can make exactly the create whose answer outlives the client's timeout,
 * while every other call (login, uploads, lookups) answers normally.
 */
import { z } from 'zod';

const CreateCall = z.looseObject({
  service: z.literal('DongBoHoSoMC'),
  isUpdating: z.literal('False'),
});
const Count = z.coerce.number().int().min(0).max(10_000);

export class LateCreates {
  #left = 0;

  /** Parses the route's `count`; false when it is not a whole number within bounds. */
  arm(count: string | null): boolean {
    const parsed = Count.safeParse(count ?? '');
    if (!parsed.success) return false;
    this.#left = parsed.data;
    return true;
  }

  /** True (and one fewer left) when `raw` is a create call and some are still armed. */
  take(raw: Buffer): boolean {
    if (this.#left === 0) return false;
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8')) as unknown;
    } catch {
      return false;
    }
    if (!CreateCall.safeParse(body).success) return false;
    this.#left--;
    return true;
  }
}
