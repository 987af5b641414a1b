import { z } from 'zod';
import type { DemoStack } from '../../../dev/outlook-host/automation/start-demo-stack';
import { type ErpContact, erpContactSchema } from '../../../src/domain/erp-records';
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

/** The part of the Graph emulator's view of a mailbox these tests read: contact folders and contacts. */
const inspectedMailboxSchema = z.object({
  userPrincipalName: z.string(),
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
