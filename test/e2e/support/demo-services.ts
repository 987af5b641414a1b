import { z } from 'zod';
import type { DemoStack } from '../../../dev/outlook-host/automation/start-demo-stack';
import { type ActionInput, type ErpAction, type ErpContact, erpActionSchema, erpContactSchema } from '../../../src/domain/erp-records';
import { microsoftGraphResource } from '../../../dev/m365/identity/microsoft-graph-resource';
import { createTrustingFetch } from '../../../server/auth/create-trusting-fetch';

/** A token for the bridge, as the host page gets one for the add-in (the demo user signs in). */
export async function bridgeTokenFor(stack: DemoStack, email: string): Promise<string> {
  const response = await fetch(`${stack.hostUrl}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
  const body: unknown = await response.json();
  if (!response.ok || typeof body !== 'object' || body === null || !('accessToken' in body) || typeof body.accessToken !== 'string') {
    throw new Error(`the host could not sign ${email} in (${response.status}): ${JSON.stringify(body)}`);
  }
  return body.accessToken;
}

/** Calls the bridge's API as `email`; a status other than `expected` fails with the bridge's answer. */
export async function callBridge(stack: DemoStack, email: string, method: string, path: string, body: unknown, expected: number): Promise<unknown> {
  const token = await bridgeTokenFor(stack, email);
  const response = await fetch(`${stack.bridgeUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${method} ${path} answered ${response.status}, not ${expected}: ${text}`);
  const answer: unknown = JSON.parse(text);
  return answer;
}

export async function createErpContact(stack: DemoStack, email: string, contact: { givenName?: string; displayName?: string; emails: string[] }): Promise<ErpContact> {
  return erpContactSchema.parse(await callBridge(stack, email, 'POST', '/api/contacts', contact, 201));
}

export async function findErpContacts(stack: DemoStack, email: string, contactEmail: string): Promise<ErpContact[]> {
  const page = z.object({ items: z.array(erpContactSchema) }).parse(await callBridge(stack, email, 'GET', `/api/contacts?email=${encodeURIComponent(contactEmail)}`, undefined, 200));
  return page.items;
}

export async function createErpAction(stack: DemoStack, email: string, action: Partial<ActionInput> & Pick<ActionInput, 'type' | 'subject'>): Promise<ErpAction> {
  return erpActionSchema.parse(await callBridge(stack, email, 'POST', '/api/actions', action, 201));
}

export async function readErpAction(stack: DemoStack, email: string, id: string): Promise<ErpAction> {
  return erpActionSchema.parse(await callBridge(stack, email, 'GET', `/api/actions/${encodeURIComponent(id)}`, undefined, 200));
}

/** The ERP id sync writes on an event (extended property) or a task (linked resource): `<environment>:<erp id>`. */
const erpTagged = z.object({ value: z.string().nullish() });

/** The part of the Graph emulator's view of a mailbox these tests read: contact folders and contacts, events, To Do lists and tasks. */
const inspectedMailboxSchema = z.object({
  userPrincipalName: z.string(),
  id: z.string(),
  tenantId: z.string(),
  primaryCalendarId: z.string(),
  events: z.array(
    z.object({
      id: z.string(),
      subject: z.string().nullish(),
      calendarId: z.string(),
      categories: z.array(z.string()).nullish(),
      attendees: z.array(z.unknown()).nullish(),
      singleValueExtendedProperties: z.array(erpTagged).nullish(),
    }),
  ),
  todoLists: z.array(z.object({ id: z.string(), displayName: z.string() })),
  tasks: z.array(
    z.object({
      id: z.string(),
      title: z.string().nullish(),
      status: z.string(),
      listId: z.string(),
      linkedResources: z.array(z.object({ externalId: z.string().nullish() })).nullish(),
    }),
  ),
  folders: z.array(z.object({ id: z.string(), displayName: z.string() })),
  contacts: z.array(
    z.object({
      id: z.string(),
      displayName: z.string().nullish(),
      parentFolderId: z.string(),
      emailAddresses: z.array(z.object({ address: z.string().nullish() })).nullish(),
    }),
  ),
});

export type InspectedMailbox = z.infer<typeof inspectedMailboxSchema>;

/** Reads a mailbox straight from the Graph emulator (its `/_admin` API), not through the bridge. */
export async function readGraphMailbox(stack: DemoStack, userPrincipalName: string): Promise<InspectedMailbox> {
  const response = await createTrustingFetch(stack.certificate())(`${stack.graphUrl}/_admin/mailboxes/${encodeURIComponent(userPrincipalName)}`);
  if (!response.ok) throw new Error(`the Graph emulator answered ${response.status} for ${userPrincipalName}: ${await response.text()}`);
  return inspectedMailboxSchema.parse(await response.json());
}

/** Takes back every consent the bridge's registration holds for Graph in a tenant, through the identity server's back door. */
export async function revokeGraphConsent(stack: DemoStack, tenantId: string, clientId: string): Promise<number> {
  const query = new URLSearchParams({ tenantId, clientId, resourceAppId: microsoftGraphResource.appId });
  const response = await createTrustingFetch(stack.certificate())(`${stack.identityUrl}/_admin/consents?${query.toString()}`, { method: 'DELETE' });
  const body = z.object({ removed: z.number() }).parse(await response.json());
  return body.removed;
}

/**
 * How a user reaches Graph outside the add-in: `delegated` signs them in with their password through
 * the environment's public client registration (Contoso's carries Tasks.ReadWrite); `app-only` is the
 * environment's registration with its secret (Fabrikam's users consented to nothing but User.Read).
 */
export type GraphAccess = { kind: 'delegated'; clientId: string } | { kind: 'app-only'; clientId: string; clientSecret: string };

async function graphTokenFor(stack: DemoStack, mailbox: { tenantId: string; userPrincipalName: string }, access: GraphAccess, password: string): Promise<string> {
  const form: Record<string, string> =
    access.kind === 'delegated'
      ? { grant_type: 'password', client_id: access.clientId, username: mailbox.userPrincipalName, password, scope: `${microsoftGraphResource.identifierUri}/Tasks.ReadWrite` }
      : { grant_type: 'client_credentials', client_id: access.clientId, client_secret: access.clientSecret, scope: `${microsoftGraphResource.identifierUri}/.default` };
  const response = await createTrustingFetch(stack.certificate())(`${stack.identityUrl}/${mailbox.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  const body = z.object({ access_token: z.string() }).safeParse(await response.json());
  if (!response.ok || !body.success) throw new Error(`the identity server gave no Graph token for ${mailbox.userPrincipalName} (${response.status})`);
  return body.data.access_token;
}

/** Marks a To Do task completed through the Graph emulator's Graph API, as the user does by ticking it in To Do. */
export async function completeTodoTask(
  stack: DemoStack,
  mailbox: { tenantId: string; userPrincipalName: string },
  task: { listId: string; id: string },
  access: GraphAccess,
  password: string,
): Promise<void> {
  const token = await graphTokenFor(stack, mailbox, access, password);
  const owner = access.kind === 'delegated' ? 'me' : `users/${encodeURIComponent(mailbox.userPrincipalName)}`;
  const response = await createTrustingFetch(stack.certificate())(`${stack.graphUrl}/v1.0/${owner}/todo/lists/${encodeURIComponent(task.listId)}/tasks/${encodeURIComponent(task.id)}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'completed' }),
  });
  if (!response.ok) throw new Error(`Graph answered ${response.status} to completing task ${task.id}: ${await response.text()}`);
}
