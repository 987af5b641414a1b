import { z } from 'zod';
import { GraphError } from './graph-error';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

const permissionScope = z.strictObject({
  id: guid,
  value: z.string().min(1),
  type: z.enum(['User', 'Admin']),
  isEnabled: z.boolean().default(true),
  adminConsentDisplayName: z.string().optional(),
  adminConsentDescription: z.string().optional(),
  userConsentDisplayName: z.string().optional(),
  userConsentDescription: z.string().optional(),
});

const appRole = z.strictObject({
  id: guid,
  value: z.string().min(1),
  displayName: z.string().min(1),
  description: z.string().min(1),
  allowedMemberTypes: z.array(z.enum(['User', 'Application'])).min(1),
  isEnabled: z.boolean().default(true),
});

const keyCredential = z.strictObject({
  type: z.literal('AsymmetricX509Cert'),
  usage: z.literal('Verify'),
  key: z.string().min(1),
  displayName: z.string().optional(),
});

/** The properties of `microsoft.graph.application` the stand-in stores; others are refused as Graph does. */
export const applicationInputSchema = z.strictObject({
  displayName: z.string().min(1),
  signInAudience: z.enum(['AzureADMyOrg', 'AzureADMultipleOrgs', 'AzureADandPersonalMicrosoftAccount', 'PersonalMicrosoftAccount']).default('AzureADMyOrg'),
  identifierUris: z.array(z.string().min(1)).default([]),
  isFallbackPublicClient: z.boolean().optional(),
  api: z
    .strictObject({
      requestedAccessTokenVersion: z.union([z.literal(1), z.literal(2)]).nullable().optional(),
      oauth2PermissionScopes: z.array(permissionScope).default([]),
      preAuthorizedApplications: z.array(z.strictObject({ appId: guid, delegatedPermissionIds: z.array(guid) })).default([]),
    })
    .prefault({}),
  appRoles: z.array(appRole).default([]),
  spa: z.strictObject({ redirectUris: z.array(z.url()).default([]) }).prefault({}),
  web: z.strictObject({ redirectUris: z.array(z.url()).default([]) }).prefault({}),
  requiredResourceAccess: z
    .array(z.strictObject({ resourceAppId: guid, resourceAccess: z.array(z.strictObject({ id: guid, type: z.enum(['Scope', 'Role']) })) }))
    .default([]),
  keyCredentials: z.array(keyCredential).default([]),
});

export type ApplicationInput = z.infer<typeof applicationInputSchema>;

/** A POST body (every property) or a PATCH body (only those sent), or Graph's 400. */
export function parseApplicationInput(body: unknown): ApplicationInput;
export function parseApplicationInput(body: unknown, partial: true): Partial<ApplicationInput>;
export function parseApplicationInput(body: unknown, partial = false): Partial<ApplicationInput> {
  const schema = partial ? applicationInputSchema.partial() : applicationInputSchema;
  const parsed = schema.safeParse(body);
  // A PATCH changes only what it names: defaults of absent properties must not reset them.
  if (parsed.success) return partial && typeof body === 'object' && body !== null ? Object.fromEntries(Object.entries(parsed.data).filter(([name]) => name in body)) : parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  if (issue?.code === 'unrecognized_keys') {
    throw new GraphError(400, 'Request_BadRequest', `Property '${issue.keys[0] ?? ''}' does not exist on type 'microsoft.graph.application'.`);
  }
  throw new GraphError(400, 'Request_BadRequest', `Invalid value specified for property '${path}' of resource 'Application'.`);
}
