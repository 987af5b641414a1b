/** Microsoft Graph's application (client) id: the `resourceAppId` of its permissions. */
export const microsoftGraphAppId = '00000003-0000-0000-c000-000000000000';

/**
 * Ids of Microsoft Graph's delegated permissions (`oauth2PermissionScopes`) the bridge asks for,
 * from Microsoft Graph's permissions reference.
 */
export const graphDelegatedPermissionIds = {
  'User.Read': 'e1fe6dd8-ba31-4d61-89e7-88639da4683d',
  offline_access: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182',
  'Contacts.ReadWrite': 'd56682ec-c09e-4743-aaf4-1a3aac4caa21',
  'Calendars.ReadWrite': '1ec239c2-d7c9-4623-a91a-a9775856bb36',
  'Tasks.ReadWrite': '2219042f-cab5-40cc-b0d2-16b1540b4c5f',
  'Mail.Read': '570282fd-fa5c-430d-a7fd-fc8dc98a9dca',
} as const;

/** Ids of Microsoft Graph's application permissions (`appRoles`) for app-only sync. */
export const graphApplicationPermissionIds = {
  'Contacts.ReadWrite': '6918b873-d17a-4dc1-b314-35f528134491',
  'Calendars.ReadWrite': 'ef54d2bf-783f-4e0f-bca1-3210c0444d99',
  'Tasks.ReadWrite.All': '44e666d1-d276-445b-a5fc-8815eeb81d55',
} as const;

/**
 * Office's client for legacy SSO (`Office.auth.getAccessToken`): this one id covers Office on the
 * web, desktop and mobile, per Microsoft's SSO registration guide.
 */
export const officeClientId = 'ea5a67f6-b6f3-4338-b240-c655ddc3cc8e';

/**
 * "Microsoft Graph Command Line Tools" (`Connect-MgGraph`), a public client Microsoft registers in
 * every tenant. Admins already know its consent prompt, and it may ask Graph for exactly the
 * permission the command needs (Application.ReadWrite.All), unlike Azure CLI's fixed set.
 */
export const graphCommandLineToolsClientId = '14d82eec-204b-4c2f-b7e8-296a70dab67e';
