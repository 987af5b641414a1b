import pg from 'pg';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimits, type RateLimitSettings } from '../../../server/http/create-rate-limits';
import { createTestDatabase } from '../../support/postgres-database';
import { createTestBridge, type TestBridge } from '../support/create-test-bridge';

const settings: RateLimitSettings = { perUserPerMinute: 3, perEnvironmentPerMinute: 5, connectPerUserPerHour: 1 };

async function expectThrottled(response: Response, reason: RegExp) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  const body = (await response.json()) as { code: string; message: string };
  expect(body.code).toBe('throttled');
  expect(body.message).toMatch(reason);
  return retryAfter;
}

describe('rate limits in memory', () => {
  let bridge: TestBridge;
  beforeAll(async () => {
    bridge = await createTestBridge({ contacts: 10, deps: { rateLimits: await createRateLimits(settings) } });
  });
  afterAll(() => bridge.close());

  it('limits each user, then the environment as a whole, and leaves other environments alone', async () => {
    for (let i = 0; i < 3; i += 1) expect((await bridge.request('/api/me/settings', { token: bridge.tokens.inigo })).status).toBe(200);
    const retryAfter = await expectThrottled(await bridge.request('/api/me/settings', { token: bridge.tokens.inigo }), /too many requests from you/);
    expect(retryAfter).toBeLessThanOrEqual(60);

    // Íñigo used 3 of Contoso's 5: Lucía gets the other 2, then the environment is full.
    for (let i = 0; i < 2; i += 1) expect((await bridge.request('/api/me/settings', { token: bridge.tokens.lucia })).status).toBe(200);
    await expectThrottled(await bridge.request('/api/me/settings', { token: bridge.tokens.lucia }), /environment contoso/);

    expect((await bridge.request('/api/me/settings', { token: bridge.tokens.amelie })).status).toBe(200);
  });
});

describe('the token exchange route', () => {
  let bridge: TestBridge;
  beforeAll(async () => {
    bridge = await createTestBridge({ contacts: 10, deps: { rateLimits: await createRateLimits({ ...settings, perUserPerMinute: 100, perEnvironmentPerMinute: 100 }) } });
  });
  afterAll(() => bridge.close());

  it('is limited hardest: a second connect within the hour is refused while other routes still answer', async () => {
    const first = await bridge.request('/api/me/sync/connect', { method: 'POST', token: bridge.tokens.inigo });
    expect(first.status).not.toBe(429);
    const retryAfter = await expectThrottled(await bridge.request('/api/me/sync/connect', { method: 'POST', token: bridge.tokens.inigo }), /connecting sync too often/);
    expect(retryAfter).toBeGreaterThan(60);
    expect((await bridge.request('/api/me', { token: bridge.tokens.inigo })).status).toBe(200);
    expect((await bridge.request('/api/me/sync/connect', { method: 'POST', token: bridge.tokens.lucia })).status).not.toBe(429);
  });
});

describe('rate limits in PostgreSQL', () => {
  let database: { url: string; drop: () => Promise<void> };
  const pools: pg.Pool[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await database.drop();
  });
  const poolFor = (url: string) => {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    // As the store's own pool does: a connection the server ends while it is idle (the test database
    // dropped after the pools end) is no failure of the test.
    pool.on('error', () => {});
    pools.push(pool);
    return pool;
  };

  it('is one limit for every bridge on the same store', async () => {
    // Two bridges: each its own pool and limiters, one table between them.
    const first = await createRateLimits(settings, poolFor(database.url));
    const second = await createRateLimits(settings, poolFor(database.url));
    const user = 'contoso:tenant:user-1';

    await first.user.consume(user);
    await second.user.consume(user);
    await first.user.consume(user);
    const refusal = await second.user.consume(user).catch((rejection: unknown) => rejection);

    expect(refusal).toBeInstanceOf(RateLimiterRes);
    expect((await pools[0]?.query<{ count: string }>('SELECT count(*) FROM bridge_rate_limits'))?.rows[0]?.count).toBe('1');
  });

  it('answers 429 at the API with the limits kept in PostgreSQL', async () => {
    const bridge = await createTestBridge({ contacts: 10, deps: { rateLimits: await createRateLimits(settings, poolFor(database.url)) } });
    try {
      for (let i = 0; i < 3; i += 1) expect((await bridge.request('/api/me', { token: bridge.tokens.amelie })).status).toBe(200);
      await expectThrottled(await bridge.request('/api/me', { token: bridge.tokens.amelie }), /too many requests from you/);
    } finally {
      await bridge.close();
    }
  });
});
