/** Percentile of sorted samples (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export interface BenchResult {
  name: string;
  figures: Record<string, number | string>;
  targets: { name: string; value: number; limit: number; met: boolean }[];
}

/** Prints a table for people and one JSON line for tools; a missed target makes the process exit non-zero. */
export function report(result: BenchResult) {
  console.log(`\n${result.name}`);
  console.table(result.figures);
  for (const target of result.targets) {
    console.log(`${target.met ? 'MET ' : 'MISS'} ${target.name}: ${target.value} (limit ${target.limit})`);
  }
  console.log(`BENCH_JSON ${JSON.stringify(result)}`);
  if (result.targets.some((target) => !target.met)) process.exitCode = 1;
}
