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
  ],
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
