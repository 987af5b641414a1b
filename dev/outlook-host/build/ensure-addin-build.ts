import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpack from 'webpack';
import { hashBuildInputs } from './hash-build-inputs';
import { hostScriptsConfig } from './host-scripts-config';
import { runTaskpaneWebpack } from './run-taskpane-webpack';

export interface AddinBuildOptions {
  /** The project: webpack.config.js, src/, dist/. */
  root: string;
  /** Baked into taskpane.html; the bridge serves the stand-in there. */
  officeJsUrl: string;
  onProgress(message: string): void;
}

export interface AddinBuildResult {
  /** False when dist/ was already built from the same inputs. */
  built: boolean;
  seconds: number;
}

interface BuildStamp {
  inputs: string;
  officeJsUrl: string;
}

/** Written last into a build, so a build cut short never looks complete. */
const stampPath = (dist: string) => join(dist, 'outlook-host', 'build-stamp.json');

function readStamp(dist: string): BuildStamp | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(stampPath(dist), 'utf8'));
    if (typeof value === 'object' && value !== null && 'inputs' in value && 'officeJsUrl' in value && typeof value.inputs === 'string' && typeof value.officeJsUrl === 'string') {
      return { inputs: value.inputs, officeJsUrl: value.officeJsUrl };
    }
  } catch {
    // No stamp (a fresh checkout, or dist/ made by `npm run build` for Microsoft's CDN): build.
  }
  return undefined;
}

/**
 * Makes dist/ hold the production taskpane for the Outlook host (with the Office.js stand-in),
 * building it once when it is missing or its inputs changed. Several `npm start`s may race (the
 * tests start some): a lock file lets one build while the others wait, each build goes to its
 * own directory, and dist/ is replaced by two renames.
 */
export async function ensureAddinBuild(options: AddinBuildOptions): Promise<AddinBuildResult> {
  const started = performance.now();
  const dist = join(options.root, 'dist');
  const cache = join(options.root, 'node_modules', '.cache', 'erp-bridge-outlook-host');
  const wanted = (): BuildStamp => ({ inputs: hashBuildInputs(options.root, options.officeJsUrl), officeJsUrl: options.officeJsUrl });
  const fresh = (stamp: BuildStamp) => {
    const found = readStamp(dist);
    return found?.inputs === stamp.inputs && found.officeJsUrl === stamp.officeJsUrl;
  };
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;

  if (fresh(wanted())) return { built: false, seconds: seconds() };
  mkdirSync(cache, { recursive: true });
  return withLock(join(cache, 'lock'), options.onProgress, async () => {
    // Another start may have built it while this one waited.
    const stamp = wanted();
    if (fresh(stamp)) return { built: false, seconds: seconds() };
    removeLeftovers(cache);
    const output = join(cache, `build-${process.pid}-${Date.now()}`);
    try {
      options.onProgress('building the taskpane (webpack, production)');
      await runTaskpaneWebpack(options.root, output, options.officeJsUrl, (percent) => options.onProgress(`taskpane ${percent}%`));
      options.onProgress('building the Outlook host page and its Office.js');
      await compile(hostScriptsConfig(options.root, output));
      writeFileSync(stampPath(output), JSON.stringify(stamp, null, 2));
      install(output, dist, join(cache, `old-${process.pid}-${Date.now()}`));
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
    return { built: true, seconds: seconds() };
  });
}

function compile(config: webpack.Configuration): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    });
  });
}

/** dist/ → trash, build → dist/. If another process installed its build in between, that one stays. */
function install(output: string, dist: string, trash: string) {
  try {
    renameSync(dist, trash);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
  }
  try {
    renameSync(output, dist);
  } catch (error) {
    if (codeOf(error) !== 'ENOTEMPTY' && codeOf(error) !== 'EEXIST') throw error;
  }
  rmSync(trash, { recursive: true, force: true });
}

/** Builds of processes that died half-way (a test stops `npm start` early). */
function removeLeftovers(cache: string) {
  for (const name of readdirSync(cache)) {
    const owner = /^(?:build|old)-(\d+)-/.exec(name)?.[1];
    if (owner && !isAlive(Number(owner))) rmSync(join(cache, name), { recursive: true, force: true });
  }
}

async function withLock<T>(lockFile: string, onProgress: (message: string) => void, work: () => Promise<T>): Promise<T> {
  let waiting = false;
  for (;;) {
    // Written aside, then linked: the lock appears with its owner's pid already in it.
    const mine = `${lockFile}.${process.pid}`;
    writeFileSync(mine, String(process.pid));
    try {
      linkSync(mine, lockFile);
      break;
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') throw error;
    } finally {
      rmSync(mine, { force: true });
    }
    let owner: number;
    try {
      owner = Number(readFileSync(lockFile, 'utf8').trim());
    } catch {
      continue; // Released between the two calls: try again.
    }
    if (!isAlive(owner)) {
      // Its owner died: whoever renames it first takes over, a loser simply tries again.
      try {
        renameSync(lockFile, `${lockFile}.stale-${process.pid}`);
        rmSync(`${lockFile}.stale-${process.pid}`, { force: true });
      } catch {
        // Someone else took it over.
      }
      continue;
    }
    if (!waiting) onProgress(`waiting for another npm start (process ${owner}) that is building the add-in`);
    waiting = true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return codeOf(error) === 'EPERM';
  }
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
