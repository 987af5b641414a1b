/**
 * Exchange Online RBAC for Applications: the app-only registration may then reach the contacts
 * and calendars of the members of one mail-enabled security group, and no other mailbox. A
 * tenant-wide Entra grant of the same permission would widen it again, so it is removed.
 */
export function renderMailboxRestrictionSteps(input: { appId: string; servicePrincipalId: string; environment: string }): string {
  const scope = `ERP Bridge ${input.environment} mailboxes`;
  return `Restrict the app to the mailboxes it syncs (Exchange Online PowerShell, Connect-ExchangeOnline):
  # 1. A mail-enabled security group holding the synced users, then its distinguished name:
  $group = Get-DistributionGroup "ERP Bridge ${input.environment}"
  # 2. The scope, the app's Exchange service principal, and one assignment per permission:
  New-ManagementScope -Name "${scope}" -RecipientRestrictionFilter "MemberOfGroup -eq '$($group.DistinguishedName)'"
  New-ServicePrincipal -AppId ${input.appId} -ObjectId ${input.servicePrincipalId} -DisplayName "ERP Bridge ${input.environment}"
  New-ManagementRoleAssignment -App ${input.appId} -Role "Application Contacts.ReadWrite" -CustomResourceScope "${scope}"
  New-ManagementRoleAssignment -App ${input.appId} -Role "Application Calendars.ReadWrite" -CustomResourceScope "${scope}"
  # 3. Check: InScope is True for a member, False for anyone else.
  Test-ServicePrincipalAuthorization -Identity ${input.appId} -Resource someone@yourdomain
Then do not grant Contacts.ReadWrite and Calendars.ReadWrite tenant-wide in Entra (or remove those grants):
grants are a union, and a tenant-wide grant reaches every mailbox. Exchange has no role for To Do
(Tasks.ReadWrite.All): it stays tenant-wide, so leave it out of the admin consent if tasks must be scoped too.
`;
}
