/**
 * Graph allows 10,000 requests per 10 minutes and 4 at once per app and mailbox, and counts the
 * requests it refuses too. The benchmarks scale it to 600 requests per 6 s sliding window (100 per
 * second) and 4 at once, with 20 ms spent by every admitted request. The client paces itself to the
 * same budget and dates a request by its answer, so each request it sends costs it a window plus its
 * time in flight: 6 s keeps that cost near 2% (a 1 s window made it 10%, against 0.02% for Graph's
 * 10 minutes). `BENCH_REQUESTS_PER_WINDOW`, `BENCH_WINDOW_MS` and `BENCH_LATENCY_MS` change it.
 */
export const scaledThrottling = {
  requestsPerWindow: Number(process.env.BENCH_REQUESTS_PER_WINDOW ?? 600),
  windowMs: Number(process.env.BENCH_WINDOW_MS ?? 6_000),
  latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 20),
  concurrentRequests: 4,
};
