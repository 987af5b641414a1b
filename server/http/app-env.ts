import type { HttpBindings } from '@hono/node-server';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Doctor } from '../doctor/create-doctor';
import type { MetricsEndpoint } from '../metrics/serve-metrics';
import type { GraphAccess } from '../jobs/create-graph-access';
import type { Store } from '../store/store';
import type { ContactSyncPort } from './contact-sync-port';
import type { RateLimits } from './create-rate-limits';
import type { ForwardedHeaderOptions } from './read-forwarded-headers';
import { describeIssues } from '../config/load-config';
import { ApiError } from './api-error';
import type { BridgeEnvironment, Principal } from './principal';

export interface AppDeps {
  environments: ReadonlyMap<string, BridgeEnvironment>;
  store: Store;
  /** Validates the `Authorization` header; throws an `AuthError` (401/403). */
  authenticate: (authorization: string | undefined) => Promise<Principal>;
  logger: Logger;
  now?: () => Date;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Age after which an unfinished email/meeting log claim is taken over. */
  staleClaimMs?: number;
  /** How each environment reaches Graph; without it the sync routes answer 503. */
  graphAccess?: GraphAccess;
  contactSync?: ContactSyncPort;
  /** The setup checks behind `GET /api/admin/doctor`; without it that route answers 503. */
  doctor?: Doctor;
  /** The identity authority, for admin-consent links. */
  authority?: string;
  /** Where browsers reach the authority, when not at `authority` (`identity.consentAuthority`). */
  consentAuthority?: string;
  /** The bridge's public URL (`server.publicUrl`): admin consent returns to its taskpane page. */
  publicUrl?: string;
  /** Per-user and per-environment limits on the API; `main.ts` always sets them, tests that do not exercise them leave them out. */
  rateLimits?: RateLimits;
  /** Origins allowed to frame the taskpane besides the Office hosts (`server.frameAncestors`). */
  frameAncestors?: readonly string[];
  /** How requests reach the bridge: its reverse proxies, public URL and whether it serves HTTPS itself. */
  transport?: ForwardedHeaderOptions;
  /** `/metrics` on this server, for callers with the token (`metrics.token`); without it that path is 404. */
  metrics?: MetricsEndpoint & { token: string };
}

/** Who sent a request and the origin they used (`readForwardedHeaders`). */
export interface RequestClient {
  /** The client's address: the socket's peer, or behind a trusted proxy the first untrusted hop of `X-Forwarded-For`. */
  address?: string;
  /** `https://bridge.example.com`: the origin for absolute URLs in answers. */
  origin: string;
}

export interface AppEnv {
  /** Present when Node's HTTP server runs the app; in-process requests (tests) have none. */
  Bindings: Partial<HttpBindings>;
  Variables: {
    client: RequestClient;
    requestId: string;
    logger: Logger;
    principal: Principal;
    environment: BridgeEnvironment;
  };
}

/** A router whose request validation failures become `invalid_input` errors. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new ApiError('invalid_input', 400, describeIssues(result.error));
    },
  });
}
