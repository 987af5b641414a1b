/**
 * The most requests the emulator's two limits admit in a run of `runMs`: a sliding window admits at
 * most a full window in each window's time, and `concurrentRequests` in flight for at least
 * `latencyMs` each admit at most `fastest` per second, so the last, partial window holds at most
 * what that rate fills.
 */
export function admissibleRequests(limits: { runMs: number; requestsPerWindow: number; windowMs: number; concurrentRequests: number; latencyMs: number }): number {
  const { runMs, requestsPerWindow, windowMs, concurrentRequests, latencyMs } = limits;
  const fastest = (concurrentRequests * 1000) / latencyMs;
  return requestsPerWindow * Math.floor(runMs / windowMs) + Math.min(requestsPerWindow, fastest * ((runMs % windowMs) / 1000) + concurrentRequests);
}
