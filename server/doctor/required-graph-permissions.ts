import { delegatedGraphScopes } from '../auth/graph-token-sources';

/**
 * The Microsoft Graph permissions the bridge uses (DESIGN §3): application permissions for an
 * app-only environment, delegated ones (what sync asks for on behalf of a user) otherwise.
 */
export const requiredGraphPermissions = {
  application: ['Contacts.ReadWrite', 'Calendars.ReadWrite', 'Tasks.ReadWrite.All'],
  delegated: delegatedGraphScopes.map((scope) => scope.replace(/^https:\/\/graph\.microsoft\.com\//, '')),
} as const;
