import { EntraError } from './entra-error';
import type { IdentityDirectory } from './identity-directory';
import { microsoftGraphResource } from './microsoft-graph-resource';

/** The one API a token request is for, as Entra resolves it from the `scope` parameter. */
export interface RequestedResource {
  appId: string;
  displayName: string;
  /** The `aud` Entra writes: the client id for v2 APIs; for Graph, the form the request used. */
  audience: string;
  /** Written before each scope name in the response's `scope` (empty for bare Graph scopes). */
  scopePrefix: string;
  exposedScopes: readonly string[];
  isGraph: boolean;
}

export interface ScopeRequest {
  resource: RequestedResource;
  /** The resource's scope names asked for, without prefix; empty with `.default`. */
  scopes: string[];
  /** `<resource>/.default`: every permission already granted. */
  isDefault: boolean;
  /** `openid`, `profile`, `email`, `offline_access`: about the sign-in, not the resource. */
  openIdScopes: string[];
}

const openIdScopeNames = new Set(['openid', 'profile', 'email', 'offline_access']);

/** Splits `scope` into one resource and its permissions, refusing what Entra refuses. */
export function parseScopeRequest(directory: IdentityDirectory, scopeParameter: string | undefined): ScopeRequest {
  if (scopeParameter === undefined || scopeParameter.trim() === '') {
    throw new EntraError('invalid_request', 900144, "The request body must contain the following parameter: 'scope'.");
  }
  const words = scopeParameter.split(/\s+/).filter(Boolean);
  const openIdScopes = words.filter((word) => openIdScopeNames.has(word));
  const named = words.filter((word) => !openIdScopeNames.has(word)).map(splitScope);

  // Only sign-in scopes: Entra answers with a token for Graph's user profile.
  const first = named[0];
  if (!first) return { resource: resolveResource(directory, microsoftGraphResource.appId), scopes: [], isDefault: false, openIdScopes };

  const resource = resolveResource(directory, first.resource);
  if (named.some((scope) => resolveResource(directory, scope.resource).appId !== resource.appId)) {
    throw new EntraError(
      'invalid_scope',
      28000,
      `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scopeParameter} is not valid.`,
    );
  }
  const isDefault = named.some((scope) => scope.name === '.default');
  if (isDefault && named.length > 1) {
    throw new EntraError('invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid. The scope ${scopeParameter} is not valid. static scope limit exceeded.`);
  }
  const unknown = named.find((scope) => scope.name !== '.default' && !resource.exposedScopes.includes(scope.name));
  if (unknown) {
    throw new EntraError('invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid. The scope '${unknown.name}' does not exist on ${resource.displayName}.`);
  }
  return { resource, scopes: isDefault ? [] : named.map((scope) => scope.name), isDefault, openIdScopes };
}

/** `api://host/id/access_as_user` → resource `api://host/id`; a bare `User.Read` is Graph's. */
function splitScope(word: string): { resource: string; name: string } {
  const slash = word.lastIndexOf('/');
  if (slash <= 0) return { resource: '', name: word };
  return { resource: word.slice(0, slash), name: word.slice(slash + 1) };
}

function resolveResource(directory: IdentityDirectory, identifier: string): RequestedResource {
  const wanted = identifier.replace(/\/+$/, '').toLowerCase();
  const graph = microsoftGraphResource;
  if (wanted === '' || wanted === graph.appId || wanted === graph.identifierUri) {
    return {
      appId: graph.appId,
      displayName: graph.displayName,
      audience: wanted === graph.identifierUri ? graph.identifierUri : graph.appId,
      scopePrefix: wanted === '' ? '' : `${identifier.replace(/\/+$/, '')}/`,
      exposedScopes: graph.scopes,
      isGraph: true,
    };
  }
  const app = directory.applications.find((candidate) =>
    [candidate.clientId, `api://${candidate.clientId}`, candidate.identifierUri ?? ''].some((name) => name.toLowerCase() === wanted),
  );
  if (!app) {
    throw new EntraError(
      'invalid_resource',
      500011,
      `The resource principal named ${identifier} was not found in the tenant. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
    );
  }
  return { appId: app.clientId, displayName: app.displayName, audience: app.clientId, scopePrefix: `${identifier}/`, exposedScopes: app.exposedScopes, isGraph: false };
}
