import proxyAddress from 'proxy-addr';
import { z } from 'zod';
import { syncConfigSchema } from './sync-config-schema';

/**
 * A secret is named, never written in the file: `{ "env": "ACME_CLIENT_SECRET" }` or
 * `{ "file": "/run/secrets/acme" }`.
 */
export const secretReferenceSchema = z.union(
  [z.strictObject({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name') }), z.strictObject({ file: z.string().min(1) })],
  { error: 'a secret reference { "env": "NAME" } or { "file": "path" } — secrets are never written inline' },
);

/** What proxy-addr, which reads the forwarded headers, accepts as a trusted proxy. */
function isProxyAddress(value: string): boolean {
  try {
    proxyAddress.compile(value);
    return true;
  } catch {
    return false;
  }
}

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const guid = z.string().regex(guidPattern, 'a GUID such as 00000000-0000-0000-0000-000000000000');

const demoErpSchema = z.strictObject({
  adapter: z.literal('demo'),
  /** SQLite file of the demo ERP; seeded on first start. */
  file: z.string().min(1).default('./data/demo-erp.db'),
  seed: z.number().int().default(1),
  contacts: z.number().int().min(0).max(100_000).default(2_000),
  /** Salespeople to add to the seeded ERP users, such as the users of a development tenant. */
  salespeople: z.array(z.strictObject({ email: z.email(), displayName: z.string().min(1) })).default([]),
});

const sqlErpSchema = z.strictObject({
  adapter: z.literal('sql'),
  dialect: z.enum(['postgres', 'sqlite']),
  connection: secretReferenceSchema,
  /** Path of the JSON table/column mapping, relative to the configuration file. */
  mapping: z.string().min(1),
});

export const environmentSchema = z.strictObject({
  environment: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes'),
  tenantId: guid,
  /** The bridge's app registration (client id): the audience of add-in tokens. */
  applicationId: guid,
  clientSecret: secretReferenceSchema.optional(),
  mode: z.enum(['delegated', 'app-only']).default('delegated'),
  /**
   * Object ids (`oid`) of the environment's admins, besides holders of the `Bridge.Admin` app role.
   * Never emails: an email claim proves nothing about who signed in (a guest may carry any).
   */
  admins: z.array(z.string().regex(guidPattern, 'an object id (GUID) from Entra ID, not an email: admins are recognised by object id or by the Bridge.Admin app role')).default([]),
  erp: z.discriminatedUnion('adapter', [demoErpSchema, sqlErpSchema], { error: 'erp.adapter must be "demo" or "sql"' }),
  /**
   * The secret the ERP sends in `X-Erp-Change-Secret` with `POST /api/erp/changes` to have the
   * affected mailboxes synced at once (docs/notifications.md); without it that route refuses the environment.
   */
  erpChangeSecret: secretReferenceSchema.optional(),
  /** Per collection, the directions and conflict policies users may choose, and the defaults (the admin narrows them at run time). */
  sync: syncConfigSchema.prefault({}),
  /**
   * A link to an ERP action in the ERP's own web UI, `{id}` standing for the action's id
   * (`https://erp.example.com/actions/{id}`): synced To Do tasks carry it. Absent: no link.
   */
  actionUrlTemplate: z.string().regex(/^https:\/\/\S*\{id\}\S*$/, 'an https URL that holds {id}, e.g. https://erp.example.com/actions/{id}').optional(),
});

/** Why `jobs.engine: "pg-boss"` refuses a store that is not PostgreSQL (checked here and, for a store URL named by a secret, at start). */
export const pgBossNeedsPostgres = '"pg-boss" keeps its job queue in PostgreSQL: set store.url to postgres://… (the bridges that share the queue share that store)';

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

export const configSchema = z.strictObject({
  environments: z
    .array(environmentSchema)
    .min(1)
    .superRefine((list, context) => {
      const seen = new Set<string>();
      list.forEach((environment, index) => {
        if (seen.has(environment.environment)) {
          context.addIssue({ code: 'custom', path: [index, 'environment'], message: `"${environment.environment}" is listed twice` });
        }
        seen.add(environment.environment);
      });
    }),
  server: z
    .strictObject({
      host: z.string().default('127.0.0.1'),
      port: z.number().int().min(0).max(65_535).default(3000),
      /** Public URL of the bridge: when set, the origin of absolute URLs in answers (the OpenAPI document's servers), whatever the request says. */
      publicUrl: z.url().optional(),
      /**
       * Origins allowed to frame the taskpane besides the Office hosts (docs/security.md), such as
       * a development Outlook host: CSP source expressions like `https://outlook.example.com`.
       */
      frameAncestors: z.array(z.string().regex(/^https?:\/\/[^\s;,']+$/, 'an origin such as https://host or http://127.0.0.1:*')).default([]),
      /** PEM files (relative to the configuration file): the bridge then serves HTTPS itself. */
      tls: z.strictObject({ certFile: z.string().min(1), keyFile: z.string().min(1) }).optional(),
      /**
       * The reverse proxies whose X-Forwarded-For, -Proto and -Host are believed: addresses, CIDR
       * ranges, or `loopback`, `linklocal`, `uniquelocal`. Empty (default): the headers are ignored.
       */
      trustProxy: z.array(z.string().min(1).refine(isProxyAddress, 'an IP address, a CIDR range such as 10.0.0.0/8, or loopback, linklocal, uniquelocal')).default([]),
    })
    .prefault({}),
  identity: z
    .strictObject({
      /** `https://login.microsoftonline.com` in production, the local identity server in development. */
      authority: z.url().default('https://login.microsoftonline.com'),
      /** PEM file of a certificate authority to trust for the authority besides the system's (a private identity server). */
      trustedCertificateFile: z.string().min(1).optional(),
      /**
       * The authority as admins' browsers reach it, for admin-consent links, when that differs from
       * `authority` (the local identity stand-in also serves its pages over plain HTTP on loopback,
       * since no browser trusts its private certificate). `authority` when absent.
       */
      consentAuthority: z.url().optional(),
    })
    .prefault({}),
  graph: z
    .strictObject({
      baseUrl: z.url().default('https://graph.microsoft.com/v1.0'),
      /** PEM file of a certificate authority to trust for Graph besides the system's (the local emulator over HTTPS). */
      trustedCertificateFile: z.string().min(1).optional(),
    })
    .prefault({}),
  store: z
    .strictObject({
      url: z
        .string()
        .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'sqlite:<file> or postgres://…')
        .or(secretReferenceSchema)
        .default('sqlite:./data/bridge.db'),
      /** AES-256-GCM key (32 bytes, base64) for stored refresh tokens. */
      encryptionKey: secretReferenceSchema.optional(),
    })
    .prefault({}),
  jobs: z
    .strictObject({
      engine: z.enum(['in-process', 'pg-boss']).default('in-process'),
      /** Minutes between two passes of the contact sync schedule over the mailboxes; 0 turns the schedule off ("sync now" still runs). */
      intervalMinutes: z.number().min(0).max(24 * 60).default(5),
      /** Mailboxes synced at once by one bridge: Graph's limits are per mailbox, the ERP is shared. */
      maxConcurrentRuns: z.number().int().min(1).max(64).default(4),
      /**
       * With pg-boss: the most one run keeps its mailbox; past it another bridge may take the mailbox
       * over. It must exceed the longest run: a first sync of 100,000 contacts takes about 100 minutes
       * at Graph's 10,000 requests per 10 minutes.
       */
      runExpiryMinutes: z.number().int().min(10).max(24 * 60).default(240),
      /**
       * With pg-boss: a run's bridge renews its hold on the mailbox every third of this; a bridge
       * that stops renewing (killed) has its mailboxes taken over by the others after this long.
       */
      runLeaseSeconds: z.number().int().min(3).max(600).default(45),
    })
    .prefault({}),
  /** Graph change notifications (docs/notifications.md): on when a public URL Graph can reach is known. */
  notifications: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** The bridge's address as Graph reaches it (HTTPS); `server.publicUrl` when absent. Notifications go to `<url>/api/notifications/graph`. */
      publicUrl: z.url().optional(),
      /** Minutes between safety-net runs of a mailbox whose subscriptions are healthy (the schedule's interval for the others). */
      healthyPollMinutes: z.number().min(1).max(24 * 60).default(30),
      /** Seconds between two passes that create, renew and remove subscriptions. */
      subscriptionPassSeconds: z.number().int().min(5).max(3600).default(60),
      /** Seconds between two reads of each mailbox's ERP change feed, for ERPs that cannot call `POST /api/erp/changes`; 0 turns the poll off. */
      erpPollSeconds: z.number().int().min(0).max(3600).default(30),
    })
    .prefault({}),
  /** Requests per window the API allows; over it the answer is 429 with Retry-After. Shared by all bridges on a PostgreSQL store. */
  rateLimits: z
    .strictObject({
      perUserPerMinute: z.number().int().min(1).default(300),
      perEnvironmentPerMinute: z.number().int().min(1).default(3_000),
      /** Each `POST /api/me/sync/connect` is a token exchange with Entra ID. */
      connectPerUserPerHour: z.number().int().min(1).default(10),
    })
    .prefault({}),
  /**
   * Prometheus metrics at `/metrics`, off by default: on the server's own port only with `token`
   * (asked as `Authorization: Bearer`), and on a listener of their own with `port`.
   */
  metrics: z
    .strictObject({
      /** A listener that serves only `/metrics` (0: any free port). */
      port: z.number().int().min(0).max(65_535).optional(),
      /** Where that listener binds: loopback unless told, so only the host (or its scraper) reaches it. */
      host: z.string().min(1).default('127.0.0.1'),
      /** The bearer token scrapers send; required on both listeners when set. */
      token: secretReferenceSchema.optional(),
    })
    .prefault({}),
  log: z.strictObject({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') }).prefault({}),
}).superRefine((config, context) => {
  // A URL named by a secret reference is checked once read (`startBridge`).
  if (config.jobs.engine === 'pg-boss' && typeof config.store.url === 'string' && !isPostgresUrl(config.store.url)) {
    context.addIssue({ code: 'custom', path: ['jobs', 'engine'], message: pgBossNeedsPostgres });
  }
});

export type BridgeConfig = z.infer<typeof configSchema>;
export type EnvironmentConfig = z.infer<typeof environmentSchema>;
export type SecretReference = z.infer<typeof secretReferenceSchema>;
