import type { ConfidentialClientApplication } from '@azure/msal-node';
import { SyncError } from '../../src/sync/sync-error';
import type { Store, UserKey } from '../store/store';

/** What the Graph client needs: a fresh access token before every attempt. */
export interface GraphTokenSource {
  getAccessToken(): Promise<string>;
}

const graph = 'https://graph.microsoft.com';
/** Delegated scopes of DESIGN §3; `offline_access` brings the refresh token that lets sync run with Outlook closed. */
export const delegatedGraphScopes = ['User.Read', 'Contacts.ReadWrite', 'Calendars.ReadWrite', 'Tasks.ReadWrite'].map((scope) => `${graph}/${scope}`);

/** App-only (client credentials, the Prextra mode): MSAL caches the token and renews it before expiry. */
export function createAppOnlyTokenSource(msal: ConfidentialClientApplication): GraphTokenSource {
  return {
    async getAccessToken() {
      const result = await msal.acquireTokenByClientCredential({ scopes: [`${graph}/.default`] }).catch((error: unknown) => {
        throw toSyncError(error, 'the app registration could not get a Graph token');
      });
      if (!result?.accessToken) throw new SyncError('auth_required', 'the identity provider returned no Graph token for the app');
      return result.accessToken;
    },
  };
}

/**
 * Delegated mode, for one request: the user's bridge token exchanged on behalf of the user each
 * time a token is asked for, and kept nowhere, so a lookup made while the user works in Outlook
 * needs no stored sign-in (and leaves none).
 */
export function createOnBehalfOfTokenSource(msal: ConfidentialClientApplication, bridgeToken: string): GraphTokenSource {
  return {
    async getAccessToken() {
      const result = await msal.acquireTokenOnBehalfOf({ oboAssertion: bridgeToken, scopes: delegatedGraphScopes }).catch((error: unknown) => {
        throw toSyncError(error, 'Microsoft 365 did not let the bridge act for this user');
      });
      if (!result?.accessToken) throw new SyncError('auth_required', 'the identity provider returned no Graph token for this user');
      return result.accessToken;
    },
  };
}

/**
 * Delegated mode (a3ERP): the user's bridge token is exchanged on behalf of the user once, when
 * they turn sync on; MSAL's cache, refresh token included, is then kept encrypted in the store,
 * so later runs refresh the Graph token without the user.
 */
export function createDelegatedTokens(deps: { msal: () => ConfidentialClientApplication; store: Pick<Store, 'tokenCache'>; now?: () => Date }) {
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  return {
    async connect(user: UserKey, bridgeToken: string): Promise<void> {
      const msal = deps.msal();
      await msal.acquireTokenOnBehalfOf({ oboAssertion: bridgeToken, scopes: [...delegatedGraphScopes, 'offline_access'] }).catch((error: unknown) => {
        throw toSyncError(error, 'Microsoft 365 did not let the bridge act for this user');
      });
      await deps.store.tokenCache.put(user, msal.getTokenCache().serialize(), now());
    },

    sourceFor(user: UserKey): GraphTokenSource {
      return {
        async getAccessToken() {
          const serialized = await deps.store.tokenCache.get(user);
          if (!serialized) throw new SyncError('auth_required', 'sync has no sign-in for this user: open the add-in and turn sync on again');
          const msal = deps.msal();
          const cache = msal.getTokenCache();
          await cache.deserialize(serialized);
          const account = (await cache.getAllAccounts()).find((candidate) => candidate.localAccountId === user.objectId && candidate.tenantId === user.tenantId);
          if (!account) throw new SyncError('auth_required', 'the stored sign-in belongs to no account of this user: turn sync on again');
          const result = await msal.acquireTokenSilent({ account, scopes: delegatedGraphScopes }).catch((error: unknown) => {
            throw toSyncError(error, 'the stored sign-in can no longer be refreshed: open the add-in and sign in again');
          });
          const after = cache.serialize();
          if (after !== serialized) await deps.store.tokenCache.put(user, after, now());
          return result.accessToken;
        },
      };
    },

    disconnect: (user: UserKey) => deps.store.tokenCache.remove(user),
  };
}

/** The `graphCode` of a refusal because nobody consented (Entra's `consent_required`, AADSTS65001): the user may consent and retry. */
export const consentRequired = 'consent_required';

/** What a user consents to so the bridge can act for them: the delegated Graph scopes and `offline_access`. */
export const consentScopes = [...delegatedGraphScopes, 'offline_access'];

/** MSAL's errors say `invalid_grant`, `consent_required`, `invalid_client`…; the message keeps Entra's AADSTS code. */
function toSyncError(error: unknown, context: string): SyncError {
  const code = typeof error === 'object' && error !== null && 'errorCode' in error ? String(error.errorCode) : '';
  const subError = typeof error === 'object' && error !== null && 'subError' in error ? String(error.subError) : '';
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  if (subError === 'consent_required' || /AADSTS65001/.test(detail)) {
    return new SyncError('forbidden', `${context}: consent is missing (the user consents from the add-in, or an admin grants it with the admin-consent link)`, { cause: error, graphCode: consentRequired });
  }
  if (code === 'invalid_client' || /AADSTS7000215/.test(detail)) {
    return new SyncError('forbidden', `${context}: the client secret is wrong or expired`, { cause: error });
  }
  if (code === 'invalid_grant' || code === 'interaction_required' || code === 'no_tokens_found') {
    return new SyncError('auth_required', `${context} (${detail})`, { cause: error });
  }
  return new SyncError('unavailable', `${context} (${detail})`, { cause: error });
}
