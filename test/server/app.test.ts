import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { openStore } from '../../server/store/open-store';

describe('the bridge app', () => {
  it('answers 503 unavailable, not 500, when the identity provider’s keys cannot be fetched', async () => {
    const store = await openStore('sqlite::memory:');
    const app = createApp({
      environments: new Map(),
      store,
      authenticate: () => Promise.reject(new TypeError('fetch failed')),
      logger: pino({ level: 'silent' }),
    });
    const response = await app.request('/api/me', { headers: { authorization: 'Bearer x.y.z' } });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ code: 'unavailable', message: 'the sign-in service cannot be reached to check the token; try again shortly' });
    await store.close();
  });
});
