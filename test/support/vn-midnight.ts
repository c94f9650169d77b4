const DAY_MS = 86_400_000;
/** Vietnam is UTC+7 all year (no summer time): its midnight is 17:00 UTC. */
const VN_OFFSET_MS = 7 * 3_600_000;

/** Milliseconds until the next Vietnam midnight, by the real clock. */
export function msToVietnamMidnight(now: number = Date.now()): number {
  return DAY_MS - ((now + VN_OFFSET_MS) % DAY_MS);
}

/**
 * For a test that drives a core on the real clock (createCore takes no
 * clock) and reads "today" once: when the next `marginMs` would cross
 * Vietnam's midnight, waits until the new day has begun (at most marginMs
 * plus a little), so every ticket the test takes and the day it reports on
 * are the same day. Returns how long it waited.
 */
export async function clearOfVietnamMidnight(marginMs: number): Promise<number> {
  const left = msToVietnamMidnight();
  if (left > marginMs) return 0;
  await new Promise((resolve) => setTimeout(resolve, left + 100));
  return left + 100;
}
