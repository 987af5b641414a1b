import type { ChangeType } from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import { GraphError } from './graph-error';

const changeTypes: readonly ChangeType[] = ['created', 'updated', 'deleted'];

const createSchema = z.object({
  changeType: z.string(),
  notificationUrl: z.string(),
  resource: z.string(),
  expirationDateTime: z.string(),
  clientState: z.string().max(128).nullish(),
  lifecycleNotificationUrl: z.string().nullish(),
  latestSupportedTlsVersion: z.enum(['v1_0', 'v1_1', 'v1_2', 'v1_3']).nullish(),
  includeResourceData: z.boolean().nullish(),
  encryptionCertificate: z.string().nullish(),
  encryptionCertificateId: z.string().nullish(),
  notificationQueryOptions: z.null().optional(),
  notificationUrlAppId: z.null().optional(),
});

const updateSchema = z.strictObject({
  expirationDateTime: z.string().optional(),
  notificationUrl: z.string().optional(),
});

export interface SubscriptionCreateInput {
  changeTypes: ReadonlySet<ChangeType>;
  notificationUrl: string;
  resource: string;
  expirationMs: number;
  clientState: string | null;
  lifecycleNotificationUrl: string | null;
  latestSupportedTlsVersion: string;
}

export interface SubscriptionUpdateInput {
  expirationMs?: number;
  notificationUrl?: string;
}

const invalid = (message: string) => new GraphError(400, 'InvalidRequest', message);

const requiredOnCreate = ['changeType', 'notificationUrl', 'resource', 'expirationDateTime'] as const;

function expiration(text: string): number {
  const epochMs = z.iso.datetime({ offset: true, local: true }).safeParse(text).success ? Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`) : NaN;
  if (Number.isNaN(epochMs)) throw invalid(`The expirationDateTime '${text}' is not an ISO 8601 date and time.`);
  return epochMs;
}

function parseChangeTypes(text: string): ReadonlySet<ChangeType> {
  const names = text.split(',').map((name) => name.trim());
  const known = names.flatMap((name) => changeTypes.filter((changeType) => changeType === name));
  if (names.length === 0 || known.length !== names.length) {
    throw invalid(`The changeType '${text}' is not a comma-separated list of created, updated and deleted.`);
  }
  return new Set(known);
}

/** Validates a `POST /subscriptions` body: the four required properties, and no rich notifications. */
export function parseSubscriptionCreateInput(body: unknown): SubscriptionCreateInput {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const missing = requiredOnCreate.find((name) => !(name in body));
    if (missing) throw invalid(`${missing} is a required property for subscription creation.`);
  }
  const parsed = createSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`Invalid value for the property '${issue?.path.join('.') ?? ''}' of the subscription: ${issue?.message ?? 'invalid'}.`);
  }
  const data = parsed.data;
  if (data.includeResourceData || data.encryptionCertificate) {
    throw invalid('The emulator sends basic notifications only: includeResourceData and encryptionCertificate are not supported.');
  }
  return {
    changeTypes: parseChangeTypes(data.changeType),
    notificationUrl: data.notificationUrl,
    resource: data.resource,
    expirationMs: expiration(data.expirationDateTime),
    clientState: data.clientState ?? null,
    lifecycleNotificationUrl: data.lifecycleNotificationUrl ?? null,
    latestSupportedTlsVersion: data.latestSupportedTlsVersion ?? 'v1_2',
  };
}

/** A PATCH may renew (`expirationDateTime`) and move the endpoint (`notificationUrl`); the lifecycle URL is fixed at creation. */
export function parseSubscriptionUpdateInput(body: unknown): SubscriptionUpdateInput {
  const parsed = updateSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.code === 'unrecognized_keys' ? (issue.keys[0] ?? '') : (issue?.path.join('.') ?? '');
    throw invalid(`The property '${name}' of a subscription cannot be updated; only expirationDateTime and notificationUrl can.`);
  }
  return {
    expirationMs: parsed.data.expirationDateTime === undefined ? undefined : expiration(parsed.data.expirationDateTime),
    notificationUrl: parsed.data.notificationUrl,
  };
}
