/** A demo user the host page can sign in, with the app registration of their tenant's environment. */
export interface HostAccount {
  email: string;
  displayName: string;
  tenantName: string;
  /** The bridge's application (client) id for this tenant: the taskpane's `appId`. */
  appId: string;
}

/** What the host server tells the page, embedded in it as JSON. */
export interface HostPageConfig {
  /** Where the add-in lives: the bridge, which serves the production taskpane. */
  bridgeUrl: string;
  accounts: HostAccount[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isAccount(value: unknown): value is HostAccount {
  return isRecord(value) && ['email', 'displayName', 'tenantName', 'appId'].every((key) => typeof value[key] === 'string');
}

export function isHostPageConfig(value: unknown): value is HostPageConfig {
  return isRecord(value) && typeof value.bridgeUrl === 'string' && Array.isArray(value.accounts) && value.accounts.length > 0 && value.accounts.every(isAccount);
}
