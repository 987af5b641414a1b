import type { Context } from 'hono';
import { findUserByPassword } from './find-user-by-password';
import type { DirectoryUser, IdentityDirectory } from './identity-directory';
import type { TenantSegment } from './resolve-tenant';

/** A page's posted form, its text fields only. */
export async function readPageForm(c: Context): Promise<Record<string, string>> {
  return Object.fromEntries(Object.entries(await c.req.parseBody()).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The user a sign-in form names, in the page's tenant; otherwise what the page tells them. */
export function signInOnPage(directory: IdentityDirectory, tenant: TenantSegment, form: Record<string, string>): DirectoryUser | string {
  const user = findUserByPassword(directory, form.username ?? '', form.password ?? '');
  if (!user) return 'Your account or password is incorrect.';
  if (tenant.kind === 'tenant' && tenant.tenant.id !== user.tenantId) return `That account is not in ${tenant.tenant.displayName}.`;
  return user;
}
