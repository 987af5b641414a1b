export interface AuthConfig {
  /** The bridge's Entra application (client) id. */
  clientId: string;
  authority: string;
  /** `api://<host>/<clientId>/access_as_user`: the bridge's API, on the add-in's own host. */
  scope: string;
  /** The fallback sign-in page, carrying the same configuration. */
  dialogUrl: string;
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const defaultAuthority = 'https://login.microsoftonline.com/organizations';

/**
 * One bundle serves every environment: each environment's manifest opens the pane with its own
 * `appId` (and, for a private identity server, `authority`) in the query string.
 * Returns undefined when the page was opened without a usable `appId`.
 * @example readAuthConfig(new URL('https://erp.example.com/taskpane.html?appId=8f6c…'))
 */
export function readAuthConfig(page: URL): AuthConfig | undefined {
  const clientId = page.searchParams.get('appId') ?? '';
  if (!guid.test(clientId)) return undefined;
  const authority = page.searchParams.get('authority') ?? defaultAuthority;
  if (!isHttpsUrl(authority)) return undefined;
  const dialog = new URL('auth-dialog.html', page);
  dialog.searchParams.set('appId', clientId);
  if (authority !== defaultAuthority) dialog.searchParams.set('authority', authority);
  return { clientId, authority, scope: `api://${page.host}/${clientId}/access_as_user`, dialogUrl: dialog.href };
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
