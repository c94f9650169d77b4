/**
 * One health check at a time, shared: every caller that asks while a check
 * runs gets that check's answer. Probes open devices, sockets and files; 200
 * pages asking at once must cost one run of the probes, not 200 runs that
 * contend for the same reader and leave callers unanswered.
 */
export function shareInFlight<T>(run: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  return () => {
    inFlight ??= run().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}
