import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../dev/m365/identity/demo-directory';
import { startIdentityServer, type IdentityServer } from '../../../dev/m365/identity/start-identity-server';
import { AuthError } from '../../../server/auth/auth-error';
import { createTokenValidator, type TokenValidator } from '../../../server/auth/create-token-validator';

let identity: IdentityServer;
let validate: TokenValidator;
beforeAll(async () => {
  identity = await startIdentityServer();
  validate = createTokenValidator({
    authority: identity.url,
    environments: [{ environment: 'contoso', tenantId: demoIds.contosoTenantId, applicationId: demoIds.bridgeClientId, admins: [] }],
  });
});
afterAll(() => identity.close());

/** Either a principal or an AuthError: anything else would reach the client as a 500. */
const outcomeOf = (authorization: string) =>
  validate(authorization).then(
    () => 'accepted',
    (error: unknown) => (error instanceof AuthError ? 'refused' : error),
  );

const now = Math.floor(Date.now() / 1000);
// JSON has no NaN or Infinity, so no token can carry them.
const oddValue = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
const claim = <T>(plausible: fc.Arbitrary<T>) => fc.option(fc.oneof(plausible, oddValue), { nil: undefined });

describe('token validation under odd input', () => {
  it('answers any Authorization header with a principal or an AuthError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string().map((text) => `Bearer ${text}`), fc.base64String().map((text) => `Bearer ${text}.${text}.${text}`)), async (header) => {
        const outcome = await outcomeOf(header);
        expect(['accepted', 'refused']).toContain(outcome);
      }),
      { numRuns: 200 },
    );
  });

  it('answers tokens signed by the real key but with odd claims with a principal or an AuthError', async () => {
    const claims = fc.record({
      tid: claim(fc.constant(demoIds.contosoTenantId)),
      aud: claim(fc.constant(demoIds.bridgeClientId)),
      iss: claim(fc.constant(`${identity.url}/${demoIds.contosoTenantId}/v2.0`)),
      iat: claim(fc.constant(now)),
      nbf: claim(fc.constant(now)),
      exp: claim(fc.constant(now + 600)),
      oid: claim(fc.uuid()),
      ver: claim(fc.constantFrom('2.0', '1.0')),
      scp: claim(fc.constantFrom('access_as_user', 'User.Read access_as_user', '')),
      roles: claim(fc.constant(['Bridge.Admin'])),
      preferred_username: claim(fc.emailAddress()),
      idtyp: claim(fc.constantFrom('app', 'user')),
    });
    await fc.assert(
      fc.asyncProperty(claims, async (payload) => {
        const defined = Object.fromEntries(Object.entries(payload).filter(([, value]) => value !== undefined));
        const outcome = await outcomeOf(`Bearer ${await identity.signAccessToken(defined)}`);
        expect(['accepted', 'refused']).toContain(outcome);
      }),
      { numRuns: 300 },
    );
  });
});
