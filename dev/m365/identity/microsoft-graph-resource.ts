/**
 * Microsoft Graph as a resource every tenant knows. Entra sets a Graph token's `aud` from how
 * the scope named Graph: `https://graph.microsoft.com/.default` gives the URI, a bare scope
 * (`User.Read`) or the GUID form gives the app id.
 */
export const microsoftGraphResource = {
  appId: '00000003-0000-0000-c000-000000000000',
  identifierUri: 'https://graph.microsoft.com',
  displayName: 'Microsoft Graph',
  scopes: [
    'User.Read',
    'User.ReadBasic.All',
    'Contacts.Read',
    'Contacts.ReadWrite',
    'Calendars.Read',
    'Calendars.ReadWrite',
    'Tasks.Read',
    'Tasks.ReadWrite',
    'Mail.Read',
    'MailboxSettings.Read',
    'Application.ReadWrite.All',
  ],
  /** Delegated permissions only an administrator may consent to, for herself or the tenant. */
  adminConsentScopes: ['Application.ReadWrite.All', 'User.Read.All'],
  /**
   * The ids Microsoft Graph's service principal gives its permissions (the `resourceAccess` ids
   * of `requiredResourceAccess`), for those the stand-in's registrations use.
   */
  scopeIds: {
    'e1fe6dd8-ba31-4d61-89e7-88639da4683d': 'User.Read',
    '7427e0e9-2fba-42fe-b0c0-848c9e6a8182': 'offline_access',
    '37f7f235-527c-4136-accd-4a02d197296e': 'openid',
    '14dad69e-099b-42c9-810b-d002981feec1': 'profile',
    'd56682ec-c09e-4743-aaf4-1a3aac4caa21': 'Contacts.ReadWrite',
    '1ec239c2-d7c9-4623-a91a-a9775856bb36': 'Calendars.ReadWrite',
    '2219042f-cab5-40cc-b0d2-16b1540b4c5f': 'Tasks.ReadWrite',
    '570282fd-fa5c-430d-a7fd-fc8dc98a9dca': 'Mail.Read',
    'bdfbf15f-ee85-4955-8675-146e8e5296b5': 'Application.ReadWrite.All',
  } as Readonly<Record<string, string>>,
  roleIds: {
    '6918b873-d17a-4dc1-b314-35f528134491': 'Contacts.ReadWrite',
    'ef54d2bf-783f-4e0f-bca1-3210c0444d99': 'Calendars.ReadWrite',
    '44e666d1-d276-445b-a5fc-8815eeb81d55': 'Tasks.ReadWrite.All',
  } as Readonly<Record<string, string>>,
  roles: [
    'Application.Read.All',
    'User.Read.All',
    'Contacts.Read',
    'Contacts.ReadWrite',
    'Calendars.Read',
    'Calendars.ReadWrite',
    'Tasks.Read.All',
    'Tasks.ReadWrite.All',
    'Mail.Read',
    'MailboxSettings.Read',
  ],
} as const;
