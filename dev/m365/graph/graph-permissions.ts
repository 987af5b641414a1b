import type { GraphPrincipal } from './graph-principal';

/** Least-privileged permissions per operation, as the Graph API reference pages list them. */
export interface GraphPermission {
  delegated: readonly string[];
  application: readonly string[];
}

export const contactsRead: GraphPermission = {
  delegated: ['Contacts.Read', 'Contacts.ReadWrite'],
  application: ['Contacts.Read', 'Contacts.ReadWrite'],
};

export const contactsWrite: GraphPermission = {
  delegated: ['Contacts.ReadWrite'],
  application: ['Contacts.ReadWrite'],
};

export const calendarsRead: GraphPermission = {
  delegated: ['Calendars.Read', 'Calendars.ReadWrite'],
  application: ['Calendars.Read', 'Calendars.ReadWrite'],
};

export const calendarsWrite: GraphPermission = {
  delegated: ['Calendars.ReadWrite'],
  application: ['Calendars.ReadWrite'],
};

/** To Do: delegated Tasks.*; the application roles are the tenant-wide `.All` ones. */
export const tasksRead: GraphPermission = {
  delegated: ['Tasks.Read', 'Tasks.ReadWrite'],
  application: ['Tasks.Read.All', 'Tasks.ReadWrite.All'],
};

export const tasksWrite: GraphPermission = {
  delegated: ['Tasks.ReadWrite'],
  application: ['Tasks.ReadWrite.All'],
};

/** `GET /me`: any user-read scope works for one's own profile. */
export const ownProfileRead: GraphPermission = {
  delegated: ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'],
  application: [],
};

/** `GET /users/{id}` of someone else needs a directory-wide read permission. */
export const otherProfileRead: GraphPermission = {
  delegated: ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'],
  application: ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'],
};

export function hasPermission(principal: GraphPrincipal, permission: GraphPermission): boolean {
  return principal.kind === 'delegated'
    ? permission.delegated.some((scope) => principal.scopes.has(scope))
    : permission.application.some((role) => principal.roles.has(role));
}

/** Refuses the call with the answer the owning service gives (Exchange or the directory). */
export function assertPermission(principal: GraphPrincipal, permission: GraphPermission, denial: () => Error): void {
  if (!hasPermission(principal, permission)) throw denial();
}

/** Creating and changing app registrations and service principals (the directory's answer is `Authorization_RequestDenied`). */
export const applicationsWrite: GraphPermission = {
  delegated: ['Application.ReadWrite.All', 'Directory.AccessAsUser.All'],
  application: ['Application.ReadWrite.All'],
};
