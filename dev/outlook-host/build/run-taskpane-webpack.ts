import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * The production taskpane, built exactly as `npm run build` builds it (webpack CLI, the project's
 * config) but into `output` and with the Office.js of the host stand-in. A child process, so the
 * servers keep answering while it runs; progress is reported in steps of 10%.
 */
export function runTaskpaneWebpack(root: string, output: string, officeJsUrl: string, onProgress: (percent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(root, 'node_modules/webpack/bin/webpack.js'), '--mode', 'production', '--env', `outputPath=${output}`, '--env', `officeJsUrl=${officeJsUrl}`, '--progress', '--no-color'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let reported = -1;
    let log = '';
    const read = (chunk: Buffer) => {
      const text = chunk.toString();
      log = (log + text).slice(-20_000);
      for (const match of text.matchAll(/\[webpack\.Progress\] (\d+)%/g)) {
        const step = Math.floor(Number(match[1]) / 10) * 10;
        if (step > reported) onProgress((reported = step));
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`webpack ${signal ? `was stopped (${signal})` : `exited with code ${code}`}:\n${log.replace(/.*\[webpack\.Progress\].*\n?/g, '').trim()}`));
    });
  });
}
