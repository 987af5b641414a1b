/** What Entra's admin-consent endpoint said when it sent the admin back to the taskpane page. */
export type AdminConsentResult = { kind: 'granted'; tenantId: string } | { kind: 'refused'; reason: string };

/**
 * Reads `?admin_consent=True&tenant=…` or `?error=…&error_description=…` from the page's URL;
 * `undefined` when the page was opened by Outlook rather than by Entra's redirect.
 */
export function readAdminConsentResult(page: URL): AdminConsentResult | undefined {
  const parameters = page.searchParams;
  if (parameters.get('admin_consent')?.toLowerCase() === 'true') return { kind: 'granted', tenantId: parameters.get('tenant') ?? '' };
  const error = parameters.get('error');
  if (error) return { kind: 'refused', reason: parameters.get('error_description') ?? error };
  return undefined;
}
