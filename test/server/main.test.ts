import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../dev/m365/identity/demo-directory';
import { startIdentityServer, type IdentityServer } from '../../dev/m365/identity/start-identity-server';
import { parseConfig } from '../../server/config/load-config';
import { startBridge, type RunningBridge } from '../../server/main';
import { bridgeTokenFor } from '../dev/m365/identity/support/sign-in-with-password';
import { createTestDatabase } from '../support/postgres-database';

let identity: IdentityServer;
let database: { url: string; drop: () => Promise<void> };
const bridges: RunningBridge[] = [];

beforeAll(async () => {
  identity = await startIdentityServer();
  database = await createTestDatabase();
  const config = parseConfig({
    environments: [
      {
        environment: 'contoso', tenantId: demoIds.contosoTenantId, applicationId: demoIds.bridgeClientId,
        erp: { adapter: 'demo', file: ':memory:', contacts: 5, salespeople: [{ email: 'inigo.urrutia@contosoiberica.onmicrosoft.com', displayName: 'Íñigo Urrutia Peña' }] },
      },
    ],
    server: { port: 0 },
    identity: { authority: identity.url },
    store: { url: database.url },
    jobs: { intervalMinutes: 0 },
    rateLimits: { perUserPerMinute: 3 },
  });
  // One after the other: the second finds the store migrated and the limits table made.
  for (let i = 0; i < 2; i += 1) bridges.push(await startBridge(config, { logger: pino({ level: 'silent' }) }));
}, 120_000);
afterAll(async () => {
  await Promise.all(bridges.map((bridge) => bridge.close()));
  await database.drop();
  await identity.close();
});

describe('two bridges on one PostgreSQL store', () => {
  it('share one rate limit per user: the fourth request of the minute is refused, whichever bridge gets it', async () => {
    const token = await bridgeTokenFor(identity, { username: 'inigo.urrutia@contosoiberica.onmicrosoft.com' });
    const call = (bridge: RunningBridge | undefined) => fetch(`${bridge?.url ?? ''}/api/me/settings`, { headers: { authorization: `Bearer ${token}` } });
    const [first, second] = bridges;

    expect([(await call(first)).status, (await call(second)).status, (await call(first)).status]).toEqual([200, 200, 200]);
    const refused = await call(second);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ code: 'throttled' });
  });
});
