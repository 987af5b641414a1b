import { describe, expect, it } from 'vitest';
import { environmentSchema } from '../../../server/config/config-schema';
import { createGraphAccess } from '../../../server/jobs/create-graph-access';
import { createBridgeMetrics } from '../../../server/metrics/create-bridge-metrics';
import type { Store } from '../../../server/store/store';
import { StoreError } from '../../../server/store/store-error';
import { readMetric } from '../metrics/support/read-metric';

const user = { tenantId: 'tenant-1', objectId: 'user-1' };

function accessWith(get: Store['tokenCache']['get'], metrics = createBridgeMetrics()) {
  const environment = environmentSchema.parse({
    environment: 'contoso', mode: 'delegated', tenantId: '11111111-1111-4111-8111-111111111111', applicationId: '22222222-2222-4222-8222-222222222222', erp: { adapter: 'demo' },
  });
  return createGraphAccess({
    environments: [environment],
    secrets: new Map(),
    authority: 'https://login.invalid',
    graphBaseUrl: 'https://graph.invalid/v1.0',
    store: { tokenCache: { get, put: async () => undefined, remove: async () => false } },
    metrics,
  });
}

describe('createGraphAccess: isConnected in delegated mode', () => {
  it('says connected when the store keeps the user’s token cache, and not when it keeps none', async () => {
    expect(await accessWith(async () => 'sealed-cache').isConnected('contoso', user)).toBe(true);
    expect(await accessWith(async () => undefined).isConnected('contoso', user)).toBe(false);
  });

  it('says not connected when the cache was sealed with another key, which only a new sign-in mends', async () => {
    const access = accessWith(async () => Promise.reject(new StoreError('token_unreadable', 'sealed with another key')));
    expect(await access.isConnected('contoso', user)).toBe(false);
  });

  it('lets a store failure through instead of reading it as not connected', async () => {
    const access = accessWith(async () => Promise.reject(new StoreError('corrupt_record', 'the row does not match its schema')));
    await expect(access.isConnected('contoso', user)).rejects.toMatchObject({ code: 'corrupt_record' });
  });
});

describe('createGraphAccess: token failures', () => {
  it('counts a stored sign-in that gives no Graph token by grant and code, with no user in the labels', async () => {
    const metrics = createBridgeMetrics();
    const client = accessWith(async () => undefined, metrics).clientFor('contoso', user);

    await expect(client.request('GET', `/users/${user.objectId}/contacts`)).rejects.toMatchObject({ code: 'auth_required' });

    expect(await readMetric(metrics.registry, 'erp_bridge_token_failures_total', { grant: 'refresh_token', code: 'auth_required' })).toBe(1);
    expect(await metrics.registry.metrics()).not.toContain(user.objectId);
  });

  it('does not count a store that failed as a token failure', async () => {
    const metrics = createBridgeMetrics();
    const client = accessWith(async () => Promise.reject(new StoreError('corrupt_record', 'the row does not match its schema')), metrics).clientFor('contoso', user);

    await expect(client.request('GET', `/users/${user.objectId}/contacts`)).rejects.toBeDefined();

    expect(await readMetric(metrics.registry, 'erp_bridge_token_failures_total')).toBe(0);
  });
});
