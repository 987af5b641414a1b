/**
 * Measures the JavaScript a user downloads before the sender's card can show: the taskpane
 * entry's chunks, plus MSAL's chunk when the first token comes from nested app authentication,
 * plus the strings of the user's language when it is not English.
 * Run: npx tsx scripts/bundle/measure-taskpane-bundle.ts (builds into a temporary directory).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** DESIGN §8: JS before the sender card ≤ 240 KB gzip. */
export const budgetBytes = 240 * 1000;

/** What the browser transfers with brotli, which the bridge serves precompressed. */
export const brotliBudgetBytes = 200 * 1000;

export interface ChunkFigure {
  file: string;
  /** The `.gz` copy webpack wrote beside the chunk (level 9). */
  gzipBytes: number;
  /** The `.br` copy webpack wrote beside the chunk: what a browser that accepts br downloads. */
  brotliBytes: number;
}

export interface TaskpaneBundleFigure {
  /** The taskpane entry: React, Fluent components the card uses, i18n, the card. */
  entry: ChunkFigure[];
  /** Loaded on demand; before the card only when NAA is the sign-in path. */
  msal: ChunkFigure[];
  /** Spanish and French strings (`strings-*`): before the card for the users who read them. */
  locales: ChunkFigure[];
  /** Everything else (forms, search, compose, settings, admin): after the card or on a click. */
  later: ChunkFigure[];
  entryBytes: number;
  withMsalBytes: number;
  /** The worst case: NAA in the language whose strings chunk is largest. */
  worstBytes: number;
  /** The same figures with the brotli copies. */
  entryBrotliBytes: number;
  withMsalBrotliBytes: number;
  worstBrotliBytes: number;
}

interface StatsGroup {
  assets: { name: string }[];
}

export interface WebpackStats {
  entrypoints: Record<string, StatsGroup>;
  namedChunkGroups: Record<string, StatsGroup>;
  assets: { name: string }[];
}

export function measureTaskpaneBundle(stats: WebpackStats, outputDirectory: string): TaskpaneBundleFigure {
  const gzip = (file: string): ChunkFigure => ({
    file,
    gzipBytes: statSync(join(outputDirectory, `${file}.gz`)).size,
    brotliBytes: statSync(join(outputDirectory, `${file}.br`)).size,
  });
  const scripts = (group: StatsGroup | undefined) => (group?.assets ?? []).map((asset) => asset.name).filter((name) => name.endsWith('.js'));
  const entryFiles = scripts(stats.entrypoints.taskpane);
  const msalFiles = scripts(stats.namedChunkGroups.msal).filter((file) => !entryFiles.includes(file));
  const localeFiles = Object.entries(stats.namedChunkGroups)
    .filter(([name]) => name.startsWith('strings-'))
    .flatMap(([, group]) => scripts(group))
    .filter((file) => !entryFiles.includes(file));
  const dialogFiles = scripts(stats.entrypoints['auth-dialog']);
  const laterFiles = stats.assets
    .map((asset) => asset.name)
    .filter((name) => name.endsWith('.js') && ![...entryFiles, ...msalFiles, ...localeFiles].includes(name) && !dialogFiles.includes(name));
  const entry = entryFiles.map(gzip);
  const msal = msalFiles.map(gzip);
  const locales = localeFiles.map(gzip);
  const sum = (chunks: ChunkFigure[]) => chunks.reduce((total, chunk) => total + chunk.gzipBytes, 0);
  const sumBrotli = (chunks: ChunkFigure[]) => chunks.reduce((total, chunk) => total + chunk.brotliBytes, 0);
  const largestLocale = Math.max(0, ...locales.map((chunk) => chunk.gzipBytes));
  const largestLocaleBrotli = Math.max(0, ...locales.map((chunk) => chunk.brotliBytes));
  return {
    entry, msal, locales, later: laterFiles.map(gzip),
    entryBytes: sum(entry), withMsalBytes: sum(entry) + sum(msal), worstBytes: sum(entry) + sum(msal) + largestLocale,
    entryBrotliBytes: sumBrotli(entry), withMsalBrotliBytes: sumBrotli(entry) + sumBrotli(msal), worstBrotliBytes: sumBrotli(entry) + sumBrotli(msal) + largestLocaleBrotli,
  };
}

/** Builds the production bundle into a temporary directory and measures it. */
export function buildAndMeasureTaskpane(): TaskpaneBundleFigure {
  const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
  const output = mkdtempSync(join(tmpdir(), 'taskpane-bundle-'));
  try {
    const statsFile = join(output, 'stats.json');
    execFileSync(process.execPath, [resolve(root, 'node_modules/webpack/bin/webpack.js'), '--mode', 'production', '--env', `outputPath=${output}`, `--json=${statsFile}`], {
      cwd: root,
      stdio: 'pipe',
    });
    const stats: WebpackStats = JSON.parse(readFileSync(statsFile, 'utf8'));
    return measureTaskpaneBundle(stats, output);
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figure = buildAndMeasureTaskpane();
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  for (const [label, chunks] of [['entry', figure.entry], ['msal', figure.msal], ['locale', figure.locales], ['later', figure.later]] as const) {
    for (const chunk of chunks) console.log(`${label.padEnd(6)} ${kb(chunk.gzipBytes).padStart(9)} gzip ${kb(chunk.brotliBytes).padStart(9)} br  ${chunk.file}`);
  }
  console.log(`before the card, Office SSO first, English: ${kb(figure.entryBytes)} gzip, ${kb(figure.entryBrotliBytes)} br`);
  console.log(`before the card, NAA first (MSAL), English: ${kb(figure.withMsalBytes)} gzip, ${kb(figure.withMsalBrotliBytes)} br`);
  console.log(`before the card, NAA first, largest language chunk (worst case): ${kb(figure.worstBytes)} gzip (budget ${kb(budgetBytes)}), ${kb(figure.worstBrotliBytes)} br (budget ${kb(brotliBudgetBytes)})`);
}
