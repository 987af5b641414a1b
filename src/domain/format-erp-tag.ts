/**
 * The value of the extended property every synced Outlook item carries (DESIGN §5):
 * `<environment>:<erpId>`. Environments never hold a colon, so the first one separates the two;
 * ERP ids may hold colons.
 *
 * @example formatErpTag('acme', 'C-1001') // 'acme:C-1001'
 */
export function formatErpTag(environment: string, erpId: string): string {
  if (environment === '' || environment.includes(':')) throw new Error(`environment "${environment}" cannot name a tag: it must be non-empty and hold no colon`);
  if (erpId === '') throw new Error('an ERP id cannot be empty');
  return `${environment}:${erpId}`;
}
