import type { GraphEmulatorOptions } from '../../../../../dev/m365/graph/graph-emulator-options';
import { type GraphEmulator, startGraphEmulator } from '../../../../../dev/m365/graph/start-graph-emulator';
import { createTestTokenIssuer, type TestTokenIssuer } from './test-token-issuer';

/** Two tenants: Contoso with Ana and Ben, Fabrikam with Eva. */
export const contoso = {
  tenantId: '0f3b8a52-6a1e-4c7d-9f25-1d2e3c4b5a69',
  ana: { id: 'a1a1a1a1-0000-4000-8000-000000000001', userPrincipalName: 'ana@contoso.test' },
  ben: { id: 'b2b2b2b2-0000-4000-8000-000000000002', userPrincipalName: 'ben@contoso.test' },
};
export const fabrikam = {
  tenantId: '7c9d2e41-8b3f-4a6c-b1d2-e3f4a5b6c7d8',
  eva: { id: 'e5e5e5e5-0000-4000-8000-000000000005', userPrincipalName: 'eva@fabrikam.test' },
};

export interface GraphAnswer<Body> {
  status: number;
  headers: Headers;
  body: Body;
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Ana's delegated Contacts.ReadWrite token unless given; `null` sends none. */
  token?: string | null;
}

export interface TestGraph {
  emulator: GraphEmulator;
  tokens: TestTokenIssuer;
  /** Delegated: Ana, `User.Read Contacts.ReadWrite`. */
  anaToken: string;
  /** Application: Contoso, role `Contacts.ReadWrite`. */
  appToken: string;
  /** Delegated: Ana, with the bridge's scopes (DESIGN §3): contacts, calendars and To Do. */
  anaSyncToken: string;
  /** Application: Contoso, with the bridge's roles: `Contacts.ReadWrite Calendars.ReadWrite Tasks.ReadWrite.All`. */
  appSyncToken: string;
  /** Calls `{url}/v1.0{path}` (or an absolute link the emulator handed out). */
  call<Body = unknown>(path: string, options?: CallOptions): Promise<GraphAnswer<Body>>;
  close(): Promise<void>;
}

/** RSA key generation is slow; one issuer serves every emulator of a test file. */
let sharedIssuer: Promise<TestTokenIssuer> | undefined;

export async function startTestGraph(options: Omit<Partial<GraphEmulatorOptions>, 'verifyToken'> = {}): Promise<TestGraph> {
  sharedIssuer ??= createTestTokenIssuer();
  const tokens = await sharedIssuer;
  const emulator = await startGraphEmulator({
    verifyToken: tokens.verifyToken,
    tenants: [
      { id: contoso.tenantId, displayName: 'Contoso', mailboxes: [{ ...contoso.ana, displayName: 'Ana Alves' }, contoso.ben] },
      { id: fabrikam.tenantId, displayName: 'Fabrikam', mailboxes: [fabrikam.eva] },
    ],
    ...options,
  });
  const anaToken = await tokens.delegated({ tenantId: contoso.tenantId, userId: contoso.ana.id, scopes: ['User.Read', 'Contacts.ReadWrite'] });
  const appToken = await tokens.application({ tenantId: contoso.tenantId, roles: ['Contacts.ReadWrite'] });
  const anaSyncToken = await tokens.delegated({
    tenantId: contoso.tenantId,
    userId: contoso.ana.id,
    scopes: ['User.Read', 'Contacts.ReadWrite', 'Calendars.ReadWrite', 'Tasks.ReadWrite', 'offline_access'],
  });
  const appSyncToken = await tokens.application({ tenantId: contoso.tenantId, roles: ['Contacts.ReadWrite', 'Calendars.ReadWrite', 'Tasks.ReadWrite.All'] });

  async function call<Body>(path: string, callOptions: CallOptions = {}): Promise<GraphAnswer<Body>> {
    const token = callOptions.token === undefined ? anaToken : callOptions.token;
    const headers: Record<string, string> = { ...callOptions.headers };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (callOptions.body !== undefined) headers['content-type'] = 'application/json';
    const url = path.startsWith('http') ? path : `${emulator.url}/v1.0${path}`;
    const response = await fetch(url, {
      method: callOptions.method ?? 'GET',
      headers,
      body: callOptions.body === undefined ? undefined : JSON.stringify(callOptions.body),
    });
    const text = await response.text();
    const body: Body = text === '' ? undefined : JSON.parse(text);
    return { status: response.status, headers: response.headers, body };
  }

  return { emulator, tokens, anaToken, appToken, anaSyncToken, appSyncToken, call, close: () => emulator.close() };
}
