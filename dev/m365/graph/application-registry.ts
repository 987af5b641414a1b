import { randomBytes, randomUUID } from 'node:crypto';
import { GraphError } from './graph-error';
import type { ApplicationInput } from './parse-application-input';

export interface PasswordCredential {
  keyId: string;
  displayName: string | null;
  hint: string;
  startDateTime: string;
  endDateTime: string;
  /** The value; Graph returns it once, from `addPassword`. */
  secretText: string;
}

/** One app registration as Graph holds it, in its home tenant. */
export interface RegisteredApplication extends ApplicationInput {
  /** Object id: `/applications/{id}`. */
  id: string;
  /** Application (client) id. */
  appId: string;
  tenantId: string;
  createdDateTime: string;
  passwordCredentials: PasswordCredential[];
}

export interface ServicePrincipal {
  id: string;
  appId: string;
  tenantId: string;
  displayName: string;
}

/**
 * The directory's applications and service principals. `onSaved` hands each saved registration to
 * the identity stand-in, so an app created through Graph can sign users in and get tokens.
 */
export class ApplicationRegistry {
  private readonly applications = new Map<string, RegisteredApplication>();
  private readonly servicePrincipals = new Map<string, ServicePrincipal>();

  constructor(private readonly options: { now: () => number; onSaved: (application: RegisteredApplication) => void }) {}

  create(tenantId: string, input: ApplicationInput): RegisteredApplication {
    const appId = randomUUID();
    const application: RegisteredApplication = {
      ...input,
      id: randomUUID(),
      appId,
      tenantId,
      createdDateTime: new Date(this.options.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      passwordCredentials: [],
    };
    this.check(application);
    this.applications.set(application.id, application);
    this.options.onSaved(application);
    return application;
  }

  find(tenantId: string, id: string): RegisteredApplication {
    const application = this.applications.get(id.toLowerCase());
    if (!application || application.tenantId !== tenantId) {
      throw new GraphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
    }
    return application;
  }

  update(tenantId: string, id: string, changes: Partial<ApplicationInput>): RegisteredApplication {
    const current = this.find(tenantId, id);
    const updated: RegisteredApplication = { ...current, ...changes };
    this.check(updated);
    this.applications.set(updated.id, updated);
    this.options.onSaved(updated);
    return updated;
  }

  addPassword(tenantId: string, id: string, request: { displayName?: string; endDateTime?: string }): PasswordCredential {
    const application = this.find(tenantId, id);
    const secretText = randomBytes(30).toString('base64url').slice(0, 40);
    const start = new Date(this.options.now());
    // Graph's default lifetime for a new secret is two years.
    const end = request.endDateTime ? new Date(request.endDateTime) : new Date(start.getTime() + 2 * 365 * 86_400_000);
    if (Number.isNaN(end.getTime()) || end <= start) throw new GraphError(400, 'Request_BadRequest', 'The endDateTime must be a date after startDateTime.');
    const credential: PasswordCredential = {
      keyId: randomUUID(),
      displayName: request.displayName ?? null,
      hint: secretText.slice(0, 3),
      startDateTime: start.toISOString(),
      endDateTime: end.toISOString(),
      secretText,
    };
    application.passwordCredentials.push(credential);
    this.options.onSaved(application);
    return credential;
  }

  createServicePrincipal(tenantId: string, appId: string): ServicePrincipal {
    const application = [...this.applications.values()].find((candidate) => candidate.appId === appId.toLowerCase());
    if (!application) {
      throw new GraphError(400, 'Request_BadRequest', `The appId '${appId}' of the service principal does not reference a valid application object.`);
    }
    if ([...this.servicePrincipals.values()].some((principal) => principal.appId === application.appId && principal.tenantId === tenantId)) {
      throw new GraphError(409, 'Request_MultipleObjectsWithSameKeyValue', 'The service principal cannot be created, updated, or restored because the service principal name is already in use.');
    }
    const principal: ServicePrincipal = { id: randomUUID(), appId: application.appId, tenantId, displayName: application.displayName };
    this.servicePrincipals.set(principal.id, principal);
    return principal;
  }

  /** What Entra checks on save: identifier URIs name the app (or a verified domain), pre-authorized clients name a scope of the app. */
  private check(application: RegisteredApplication): void {
    for (const uri of application.identifierUris) {
      if (uri.startsWith('api://') && !uri.toLowerCase().includes(application.appId)) {
        throw new GraphError(400, 'HostNameNotOnVerifiedDomain', `Values of identifierUris property must use a verified domain of the organization or its subdomain: '${uri}'`);
      }
    }
    const scopeIds = new Set(application.api.oauth2PermissionScopes.map((scope) => scope.id.toLowerCase()));
    for (const preAuthorized of application.api.preAuthorizedApplications) {
      if (preAuthorized.delegatedPermissionIds.some((permissionId) => !scopeIds.has(permissionId.toLowerCase()))) {
        throw new GraphError(400, 'Request_BadRequest', 'Property preAuthorizedApplications references a permission id that is not in api.oauth2PermissionScopes.');
      }
    }
  }
}
