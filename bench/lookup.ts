import pino from 'pino';
import { sql } from 'kysely';
import { demoIds } from '../dev/m365/identity/demo-directory';
import { startIdentityServer } from '../dev/m365/identity/start-identity-server';
import { createApp } from '../server/app';
import { createTokenValidator } from '../server/auth/create-token-validator';
import { parseConfig } from '../server/config/load-config';
import { openDemoErp } from '../server/erp/demo/open-demo-erp';
import { openStore } from '../server/store/open-store';
import { percentile, report } from './measure';

const contacts = Number(process.env.BENCH_CONTACTS ?? 100_000);
const lookups = Number(process.env.BENCH_LOOKUPS ?? 5_000);
const user = { email: 'inigo.urrutia@contosoiberica.onmicrosoft.com', displayName: 'Íñigo Urrutia Peña' };

/**
 * Contact lookup by email through the whole API in process: token validation, routing, the
 * demo ERP's SQLite query and JSON. Emails are drawn from the seeded data, primary and secondary,
 * in random case; one in ten is unknown.
 */
export async function benchLookup() {
  const identity = await startIdentityServer();
  const config = parseConfig({
    environments: [{ environment: 'contoso', tenantId: demoIds.contosoTenantId, applicationId: demoIds.bridgeClientId, erp: { adapter: 'demo' } }],
    identity: { authority: identity.url },
  });
  const seedStarted = performance.now();
  const erp = await openDemoErp({ file: ':memory:', seed: { seed: 1, contacts, salespeople: [user] } });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const store = await openStore('sqlite::memory:');
  const environment = config.environments[0];
  if (!environment) throw new Error('no environment');
  const app = createApp({
    environments: new Map([['contoso', { config: environment, erp }]]),
    store,
    authenticate: createTokenValidator({ authority: identity.url, environments: config.environments }),
    logger: pino({ level: 'silent' }),
  });
  const form = new URLSearchParams({
    grant_type: 'password', client_id: demoIds.bridgeClientId, username: user.email, password: demoIds.password,
    scope: `api://localhost:3000/${demoIds.bridgeClientId}/access_as_user`,
  });
  const tokenAnswer = (await (await fetch(`${identity.url}/organizations/oauth2/v2.0/token`, { method: 'POST', body: form })).json()) as { access_token: string };
  const headers = { authorization: `Bearer ${tokenAnswer.access_token}` };

  const sample = await sql<{ email: string }>`select email from contact_emails order by (contact_id * 2654435761) % 1000003 limit ${lookups}`.execute(erp.database);
  const emails = sample.rows.map((row, index) => {
    if (index % 10 === 9) return `nobody.${index}@unknown.example`;
    return index % 2 ? row.email.toUpperCase() : row.email;
  });

  const lookup = async (email: string) => {
    const response = await app.request(`/api/contacts?email=${encodeURIComponent(email)}`, { headers });
    if (response.status !== 200) throw new Error(`lookup answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { items: unknown[] };
  };
  for (const email of emails.slice(0, 500)) await lookup(email);

  const timings: number[] = [];
  let found = 0;
  for (const email of emails) {
    const started = performance.now();
    const page = await lookup(email);
    timings.push(performance.now() - started);
    if (page.items.length) found += 1;
  }
  timings.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  const p99 = round(percentile(timings, 99));
  report({
    name: `lookup: contact by email through the API in process, ${contacts.toLocaleString('en')} contacts`,
    figures: {
      contacts, lookups: timings.length, found, 'seed (s)': Math.round(seedSeconds * 10) / 10,
      'p50 (ms)': round(percentile(timings, 50)), 'p95 (ms)': round(percentile(timings, 95)), 'p99 (ms)': p99, 'max (ms)': round(timings.at(-1) ?? 0),
    },
    targets: [{ name: 'p99 lookup ≤ 10 ms', value: p99, limit: 10, met: p99 <= 10 }],
  });
  await Promise.all([erp.close(), store.close(), identity.close()]);
}
