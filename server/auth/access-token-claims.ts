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
  preferred_username: z.string().optional(),
  upn: z.string().optional(),
  name: z.string().optional(),
});

export type AccessTokenClaims = z.infer<typeof accessTokenClaimsSchema>;
