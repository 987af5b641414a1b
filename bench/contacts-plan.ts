import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { report } from './measure';

interface PlanMeasurement {
  contacts: number;
  operations: number;
  mapMs: number;
  planMs: number;
  totalMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
}

const sizes = (process.env.BENCH_PLAN_SIZES ?? '10000,100000').split(',').map(Number);

function runChild(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('contacts-plan-child.ts', import.meta.url)), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`contacts-plan-child ${args.join(' ')} exited ${code}`))));
  });
}

/** One size: its pages written by one process, then read, listed and planned by a fresh one. */
async function measure(contacts: number): Promise<PlanMeasurement> {
  const pages = mkdtempSync(join(tmpdir(), 'contacts-plan-'));
  try {
    await runChild(['prepare', String(contacts), pages]);
    const output = await runChild([String(contacts), pages]);
    return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as PlanMeasurement;
  } finally {
    rmSync(pages, { recursive: true, force: true });
  }
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Planning a reconcile of 10,000 and 100,000 contacts of one mailbox (map the Graph pages, parse
 * the links, plan, two-way): time and peak RSS, each size in a fresh process.
 */
export async function benchContactsPlan() {
  const results: PlanMeasurement[] = [];
  for (const contacts of sizes) results.push(await measure(contacts));
  const figures: Record<string, number | string> = {};
  for (const result of results) {
    const label = result.contacts.toLocaleString('en');
    figures[`${label}: operations`] = result.operations;
    figures[`${label}: map + parse (ms)`] = Math.round(result.mapMs);
    figures[`${label}: plan (ms)`] = Math.round(result.planMs);
    figures[`${label}: µs per contact`] = round((result.totalMs * 1000) / result.contacts);
    figures[`${label}: RSS at start (MB)`] = round(result.rssBeforeMb);
    figures[`${label}: peak RSS (MB)`] = round(result.peakRssMb);
    figures[`${label}: RSS growth (MB)`] = round(result.peakRssMb - result.rssBeforeMb);
  }
  const small = results[0];
  const large = results.at(-1);
  const sizeRatio = small && large ? large.contacts / small.contacts : Number.NaN;
  const timeRatio = small && large ? large.totalMs / small.totalMs : Number.NaN;
  const rssRatio = small && large ? (large.peakRssMb - large.rssBeforeMb) / (small.peakRssMb - small.rssBeforeMb) : Number.NaN;
  figures['size ratio'] = round(sizeRatio, 2);
  figures['time ratio'] = round(timeRatio, 2);
  figures['RSS growth ratio'] = round(rssRatio, 2);
  figures['time ratio ÷ size ratio'] = round(timeRatio / sizeRatio, 2);
  figures['RSS growth ratio ÷ size ratio'] = round(rssRatio / sizeRatio, 2);
  const peak = large?.peakRssMb ?? Number.NaN;
  report({
    name: `contacts-100k: planning a reconcile of ${sizes.map((size) => size.toLocaleString('en')).join(' and ')} contacts in one mailbox (each size in its own process)`,
    figures,
    targets: [
      { name: `peak RSS at ${(large?.contacts ?? 0).toLocaleString('en')} contacts ≤ 200 MB`, value: round(peak), limit: 200, met: peak <= 200 },
      { name: 'time grows linearly (time ratio ÷ size ratio ≤ 1.5)', value: round(timeRatio / sizeRatio, 2), limit: 1.5, met: timeRatio / sizeRatio <= 1.5 },
      { name: 'memory grows at most linearly (RSS growth ratio ÷ size ratio ≤ 1.5)', value: round(rssRatio / sizeRatio, 2), limit: 1.5, met: rssRatio / sizeRatio <= 1.5 },
    ],
  });
}
