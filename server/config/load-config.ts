import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { configSchema, type BridgeConfig, type SecretReference } from './config-schema';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Formats zod issues as `environments[0].tenantId: expected a GUID …`, one per line. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.reduce<string>(
        (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
        '',
      );
      return `${path || '(root)'}: ${issue.message}`;
    })
    .join('\n');
}

/** Validates a parsed configuration object; the error names each bad key and what was expected. */
export function parseConfig(raw: unknown, source = 'configuration'): BridgeConfig {
  const result = configSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(`${source} is not valid:\n${describeIssues(result.error)}`);
  return result.data;
}

export function loadConfigFile(path: string): { config: BridgeConfig; baseDir: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read configuration file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path} is not JSON: ${(error as Error).message}`);
  }
  return { config: parseConfig(raw, path), baseDir: dirname(resolve(path)) };
}

/** Reads a secret from the environment or a file; the error names the reference, never a value. */
export function resolveSecret(reference: SecretReference, env: NodeJS.ProcessEnv = process.env, baseDir = process.cwd()): string {
  if ('env' in reference) {
    const value = env[reference.env];
    if (!value) throw new ConfigError(`secret environment variable ${reference.env} is not set`);
    return value;
  }
  try {
    const value = readFileSync(resolve(baseDir, reference.file), 'utf8').trim();
    if (!value) throw new ConfigError(`secret file ${reference.file} is empty`);
    return value;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`cannot read secret file ${reference.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
