import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface DemoStack {
  hostUrl: string;
  bridgeUrl: string;
  graphUrl: string;
  identityUrl: string;
  dataDir: string;
  /** PEM of the identity server and the Graph emulator (HTTPS with their own certificate). */
  certificate(): string;
  /** Everything `npm start` printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/**
 * Runs `npm start` as a newcomer would, on free ports with a fresh data directory, and resolves
 * once the Outlook host page can open (the add-in built, or found built).
 * @example const stack = await startDemoStack(); await page.goto(stack.hostUrl);
 */
export async function startDemoStack(options: { timeoutMs?: number } = {}): Promise<DemoStack> {
  const [port, identityPort, graphPort, outlookPort] = await freePorts(4);
  const dataDir = mkdtempSync(join(tmpdir(), 'erp-bridge-demo-'));
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), IDENTITY_PORT: String(identityPort), GRAPH_PORT: String(graphPort), OUTLOOK_PORT: String(outlookPort), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stop() ends npm, tsx and node (and a webpack build) together.
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stack: DemoStack = {
    hostUrl: `http://127.0.0.1:${outlookPort}`,
    bridgeUrl: `http://127.0.0.1:${port}`,
    graphUrl: `https://127.0.0.1:${graphPort}`,
    identityUrl: `https://127.0.0.1:${identityPort}`,
    dataDir,
    certificate: () => readFileSync(join(dataDir, 'm365-certificate.pem'), 'utf8'),
    output: () => output,
    stop: async () => {
      await stopGroup(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await waitUntilReady(stack, child, options.timeoutMs ?? 150_000);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}

async function waitUntilReady(stack: DemoStack, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${stack.output()}`);
    const status: unknown = await fetch(`${stack.hostUrl}/status`).then((response) => response.json(), () => undefined);
    if (typeof status === 'object' && status !== null && 'status' in status) {
      if (status.status === 'ready') return;
      if (status.status === 'failed') throw new Error(`the add-in did not build:\n${stack.output()}`);
    }
    // Polling a local server that is starting: there is no event to wait for across processes.
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`npm start was not ready within ${timeoutMs} ms:\n${stack.output()}`);
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  const force = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
  return exited.finally(() => clearTimeout(force));
}

/** Ports the system hands out now; each is closed before use, so a clash is unlikely but possible. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<ReturnType<typeof createServer>>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    return typeof address === 'object' && address ? address.port : 0;
  });
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
