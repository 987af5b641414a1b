/**
 * The container files cannot be built here (no registry for the base images), so their promises
 * are checked against the project: the stages, the unprivileged user, the health check's route,
 * and a compose file whose configuration the bridge accepts with secrets from the environment.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Copy, DockerfileParser, Env, type Instruction } from 'dockerfile-ast';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { createApp } from '../../server/app';
import { parseConfig, resolveSecret } from '../../server/config/load-config';
import { openStore } from '../../server/store/open-store';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const dockerfile = DockerfileParser.parse(read('Dockerfile'));

/** The instructions of each stage, by its `AS` name. */
function stages(): Map<string, Instruction[]> {
  const byName = new Map<string, Instruction[]>();
  let current: Instruction[] | undefined;
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      current = [];
      byName.set(dockerfile.getFROMs().find((from) => from.getRange().start.line === instruction.getRange().start.line)?.getBuildStage() ?? '', current);
    } else current?.push(instruction);
  }
  return byName;
}

const of = (instructions: Instruction[], keyword: string) => instructions.filter((instruction) => instruction.getKeyword() === keyword);
const words = (instruction: Instruction) => instruction.getArguments().map((argument) => argument.getValue());
const runtime = stages().get('runtime') ?? [];
const runtimeEnv = new Map(of(runtime, 'ENV').flatMap((instruction) => (instruction instanceof Env ? instruction.getProperties() : [])).map((property) => [property.getName(), property.getValue() ?? '']));

describe('the Dockerfile', () => {
  it('builds in one stage and runs from another, the runtime last', () => {
    expect([...stages().keys()]).toEqual(['build', 'runtime']);
    const build = stages().get('build') ?? [];
    const commands = of(build, 'RUN').map((instruction) => instruction.getArgumentsContent() ?? '').join('\n');
    expect(commands).toContain('npm ci');
    expect(commands).toMatch(/npm run build[\s\S]*npm prune --omit=dev/);
  });

  it('copies into the runtime only what the build stage made: production dependencies, dist, the bridge and the code it imports', () => {
    const copies = of(runtime, 'COPY').map((instruction) => (instruction instanceof Copy ? { from: instruction.getFromFlag()?.getValue(), sources: words(instruction).slice(0, -1) } : undefined));
    for (const copy of copies) expect(copy?.from).toBe('build');
    const sources = copies.flatMap((copy) => copy?.sources ?? []);
    expect(sources).toEqual(expect.arrayContaining(['/app/node_modules', '/app/dist', '/app/server', '/app/src']));
    expect(sources.join(' ')).not.toMatch(/\/app\/(test|dev|bench)\b/);
  });

  it('runs as the unprivileged node user', () => {
    const users = of(runtime, 'USER').map((instruction) => words(instruction)[0]);
    expect(users.at(-1)).toBe('node');
    expect(users).not.toContain('root');
    expect(users).not.toContain('0');
  });

  it('starts the bridge with tsx, which is a production dependency', () => {
    const command = JSON.parse(of(runtime, 'CMD')[0]?.getArgumentsContent() ?? '[]') as string[];
    expect(command).toEqual(['node_modules/.bin/tsx', 'server/main.ts']);
    expect(existsSync(join(root, 'server/main.ts'))).toBe(true);
    const manifest = z.object({ dependencies: z.record(z.string(), z.string()) }).parse(JSON.parse(read('package.json')));
    expect(Object.keys(manifest.dependencies)).toContain('tsx');
  });

  it('checks health at a route the bridge answers without a token and without data', async () => {
    expect(of(runtime, 'HEALTHCHECK')[0]?.getArgumentsContent()).toContain('process.env.HEALTHCHECK_URL');
    const url = new URL(runtimeEnv.get('HEALTHCHECK_URL') ?? '');
    expect(url.pathname).toBe('/healthz');
    const store = await openStore('sqlite::memory:');
    try {
      const app = createApp({ environments: new Map(), store, authenticate: () => Promise.reject(new Error('no token is needed')), logger: pino({ level: 'silent' }) });
      const response = await app.request(url.pathname);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    } finally {
      await store.close();
    }
  });

  it('leaves dependencies, builds, data and secrets out of the build context', () => {
    const ignored = read('.dockerignore').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['.git', 'node_modules', 'dist', 'data', '.env', 'bridge.config.json']));
  });
});

const composeSchema = z.object({
  services: z.object({
    postgres: z.object({ image: z.string(), environment: z.record(z.string(), z.string()), healthcheck: z.object({ test: z.array(z.string()) }) }),
    bridge: z.object({
      build: z.string(),
      depends_on: z.object({ postgres: z.object({ condition: z.literal('service_healthy') }) }),
      environment: z.record(z.string(), z.string()),
      volumes: z.array(z.string()),
      ports: z.array(z.string()),
    }),
  }),
});

describe('compose.yaml', () => {
  const compose = composeSchema.parse(parse(read('compose.yaml')));
  const { bridge, postgres } = compose.services;

  it('runs the image built here next to PostgreSQL, once PostgreSQL is ready', () => {
    expect(bridge.build).toBe('.');
    expect(postgres.image).toMatch(/^postgres:/);
    expect(postgres.healthcheck.test).toContain('pg_isready');
  });

  it('writes no secret: passwords and keys are references to the environment', () => {
    for (const [name, value] of [...Object.entries(bridge.environment), ...Object.entries(postgres.environment)]) {
      if (/PASSWORD|SECRET|KEY|STORE_URL/.test(name)) expect(value, name).toMatch(/\$\{[A-Z_]+:\?[^}]+\}/);
    }
  });

  it('mounts a configuration the bridge accepts, with the store in PostgreSQL and every secret it names set by compose', () => {
    const mount = bridge.volumes.find((volume) => volume.endsWith(':/etc/erp-bridge/bridge.config.json:ro'));
    expect(mount).toBeDefined();
    const file = (mount ?? '').split(':')[0] ?? '';
    const config = parseConfig(JSON.parse(read(file)), file);
    expect(config.jobs.engine).toBe('pg-boss');
    expect(config.server.host).toBe('0.0.0.0');
    // The compose values, with ${VAR} standing for what the operator sets.
    const environment = Object.fromEntries(Object.entries(bridge.environment).map(([name, value]) => [name, value.replace(/\$\{([A-Z_]+)[^}]*\}/g, 'set-by-$1')]));
    if (typeof config.store.url === 'string') throw new Error('the store URL must come from the environment');
    expect(resolveSecret(config.store.url, environment)).toMatch(/^postgres:\/\/bridge:set-by-POSTGRES_PASSWORD@postgres:5432\/bridge$/);
    for (const reference of [config.store.encryptionKey, ...config.environments.map((entry) => entry.clientSecret)]) {
      if (reference) expect(() => resolveSecret(reference, environment)).not.toThrow();
    }
  });

  it('publishes the port the bridge listens on and the health check calls', () => {
    const config = parseConfig(JSON.parse(read('deploy/bridge.config.json')));
    expect(bridge.ports).toEqual([`127.0.0.1:${config.server.port}:${config.server.port}`]);
    expect(new URL(runtimeEnv.get('HEALTHCHECK_URL') ?? '').port).toBe(String(config.server.port));
  });
});
