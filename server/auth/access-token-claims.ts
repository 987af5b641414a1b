import { z } from 'zod';

/** The claims the bridge reads from a verified Entra v2.0 access token. */
export const accessTokenClaimsSchema = z.object({
  tid: z.string().min(1),
  oid: z.string().min(1),
  ver: z.literal('2.0'),
  /** Delegated permissions, space separated; absent from app-only tokens. */
  scp: z.string().optional(),
  roles: z.array(z.string()).optional(),
  /** `app` on app-only tokens when the optional claim is configured. */
  idtyp: z.string().optional(),
  /** The client app the token was issued to (the add-in, or Office for legacy SSO). */
  azp: z.string().optional(),
  /** The identity provider that signed the user in; another tenant or provider than the issuer's for guests. */
  idp: z.string().optional(),
  /** Optional claim: 0 for a member of the tenant, 1 for a guest. */
  acct: z.union([z.number(), z.string()]).optional(),
  preferred_username: z.string().optional(),
  upn: z.string().optional(),
  name: z.string().optional(),
});

export type AccessTokenClaims = z.infer<typeof accessTokenClaimsSchema>;
