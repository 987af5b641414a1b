import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../../dev/m365/identity/demo-directory';
import { startIdentityServer, type IdentityServer } from '../../../../dev/m365/identity/start-identity-server';
import { accessTokenOf, requestToken } from './support/request-token';
import { signInWithPassword } from './support/sign-in-with-password';

let identity: IdentityServer;
let clock = new Date('2026-03-02T09:00:00Z');
beforeAll(async () => {
  identity = await startIdentityServer({ now: () => clock, refreshTokenLifetimeSeconds: 24 * 3600 });
});
afterAll(() => identity.close());

const scope = `api://localhost:3000/${demoIds.bridgeClientId}/access_as_user offline_access`;
const freshRefreshToken = async () => {
  const { body } = await signInWithPassword(identity, { username: 'lucia.martinez@contosoiberica.onmicrosoft.com', scope });
  return String(body.refresh_token);
};
const redeem = (refreshToken: string, clientId: string = demoIds.bridgeClientId) =>
  requestToken(identity, 'organizations', { grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken, scope });

describe('the refresh token grant', () => {
  it('trades a refresh token for a new access token and a new refresh token', async () => {
    const answer = await redeem(await freshRefreshToken());

    expect(decodeJwt(accessTokenOf(answer))).toMatchObject({ oid: demoIds.luciaObjectId, aud: demoIds.bridgeClientId, scp: 'access_as_user' });
    expect(answer.body.refresh_token).toEqual(expect.any(String));
  });

  it('rotates: a redeemed refresh token is refused, its successor works', async () => {
    const first = await freshRefreshToken();
    const second = String((await redeem(first)).body.refresh_token);

    const reused = await redeem(first);
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe('invalid_grant');
    expect((await redeem(second)).status).toBe(200);
  });

  it('binds a refresh token to the client it was issued to', async () => {
    const { status, body } = await redeem(await freshRefreshToken(), demoIds.fabrikamBridgeClientId);

    expect(status).toBe(400);
    expect(body.error).toBe('invalid_grant');
  });

  it('refuses a refresh token it never issued', async () => {
    const { status, body } = await redeem('1.not-a-token-this-server-issued');

    expect(status).toBe(400);
    expect(body.error).toBe('invalid_grant');
  });

  it('refuses a refresh token left unused too long with AADSTS700082', async () => {
    const refreshToken = await freshRefreshToken();
    clock = new Date(clock.getTime() + 25 * 3600_000);

    const { status, body } = await redeem(refreshToken);

    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_grant', error_codes: [700082] });
  });
});
