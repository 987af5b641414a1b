import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ErpPort } from '../../src/domain/erp-port';
import { createTrustingFetch } from '../auth/create-trusting-fetch';
import { createTrustingNetworkClient } from '../auth/create-trusting-network-client';
import type { BridgeConfig, EnvironmentConfig } from '../config/config-schema';
import { loadConfigFile, resolveSecret } from '../config/load-config';
import { createLogger } from '../create-logger';
import { openErp } from '../erp/open-erp';
import { createGraphAccess } from '../jobs/create-graph-access';
import { openStore } from '../store/open-store';
import { createDoctor } from './create-doctor';
import { formatDoctorReport } from './format-doctor-report';
import type { DoctorReport } from './run-doctor';

/**
 * `npm run doctor [-- --config bridge.config.json] [--env NAME]`: checks each environment of the
 * configuration and prints one line per check; exits 1 when any check fails.
 */
export async function doctorCommand(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<{ output: string; exitCode: number }> {
  const { values } = parseArgs({ args: [...argv], options: { config: { type: 'string' }, env: { type: 'string' } } });
  const { config, baseDir } = loadConfigFile(resolve(values.config ?? env.BRIDGE_CONFIG ?? 'bridge.config.json'));
  const chosen = values.env ? config.environments.filter((environment) => environment.environment === values.env) : config.environments;
  if (chosen.length === 0) return { output: `No environment named ${values.env} in the configuration.`, exitCode: 2 };
  const reports = await checkEnvironments(config, chosen, { baseDir, env });
  return { output: formatDoctorReport(reports), exitCode: reports.some((report) => report.checks.some((check) => check.status === 'fail')) ? 1 : 0 };
}

async function checkEnvironments(config: BridgeConfig, chosen: readonly EnvironmentConfig[], options: { baseDir: string; env: NodeJS.ProcessEnv }): Promise<DoctorReport[]> {
  const { baseDir, env } = options;
  const logger = createLogger({ level: 'silent' });
  const storeUrl = typeof config.store.url === 'string' ? config.store.url : resolveSecret(config.store.url, env, baseDir);
  const encryptionKey = config.store.encryptionKey ? resolveSecret(config.store.encryptionKey, env, baseDir) : undefined;
  const store = await openStore(storeUrl, { baseDir, encryptionKey });
  const environments = new Map<string, { config: EnvironmentConfig; erp: Pick<ErpPort, 'ping' | 'kind'> & { close?: () => Promise<void> } }>();
  const secrets = new Map<string, string>();
  const secretProblems = new Map<string, string>();
  try {
    for (const environment of chosen) {
      // An ERP that cannot even be opened is reported by its check, not thrown.
      const erp = await openErp(environment.erp, { baseDir, logger }).catch((error: unknown) => ({
        kind: environment.erp.adapter, ping: () => Promise.reject(error instanceof Error ? error : new Error(String(error))),
      }));
      environments.set(environment.environment, { config: environment, erp });
      if (!environment.clientSecret) continue;
      try {
        secrets.set(environment.environment, resolveSecret(environment.clientSecret, env, baseDir));
      } catch (error) {
        secretProblems.set(environment.environment, error instanceof Error ? error.message : String(error));
      }
    }
    const identityCertificate = config.identity.trustedCertificateFile ? readFileSync(resolve(baseDir, config.identity.trustedCertificateFile), 'utf8') : undefined;
    const graphCertificate = config.graph.trustedCertificateFile ? readFileSync(resolve(baseDir, config.graph.trustedCertificateFile), 'utf8') : undefined;
    const graphFetch = graphCertificate ? createTrustingFetch(graphCertificate) : undefined;
    const graphAccess = createGraphAccess({
      environments: chosen, secrets, authority: config.identity.authority, graphBaseUrl: config.graph.baseUrl, store,
      ...(identityCertificate ? { networkClient: createTrustingNetworkClient(identityCertificate) } : {}),
      ...(graphFetch ? { graphFetch } : {}),
      // A check waits for one answer, not for Graph's retries.
      clientOptions: { maxRetries: 0 },
    });
    const doctor = createDoctor({
      config, environments, secrets, secretProblems, store, graphAccess,
      ...(identityCertificate ? { identityFetch: createTrustingFetch(identityCertificate), networkClient: createTrustingNetworkClient(identityCertificate) } : {}),
      ...(graphFetch ? { graphFetch } : {}),
    });
    const reports: DoctorReport[] = [];
    for (const environment of chosen) reports.push(await doctor.run(environment.environment));
    return reports;
  } finally {
    await Promise.all([...environments.values()].map(({ erp }) => erp.close?.()));
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  doctorCommand(process.argv.slice(2)).then(
    ({ output, exitCode }) => {
      console.log(output);
      process.exitCode = exitCode;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 2;
    },
  );
}
