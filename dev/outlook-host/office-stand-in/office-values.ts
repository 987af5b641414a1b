/** The enum values Office.js uses at run time; the add-in reads them as `Office.EventType.ItemChanged` and so on. */
export const eventType = {
  ItemChanged: 'olkItemSelectedChanged',
  OfficeThemeChanged: 'officeThemeChanged',
  DialogMessageReceived: 'dialogMessageReceived',
  DialogEventReceived: 'dialogEventReceived',
} as const;

export const coercionType = { Text: 'text', Html: 'html' } as const;
export const asyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' } as const;

export const mailboxEnums = {
  ItemType: { Message: 'message', Appointment: 'appointment' },
  RecipientType: { DistributionList: 'distributionList', User: 'user', ExternalUser: 'externalUser', Other: 'other' },
  ResponseType: { None: 'none', Organizer: 'organizer', Tentative: 'tentative', Accepted: 'accepted', Declined: 'declined' },
  CategoryColor: { None: 'None', Preset0: 'Preset0', Preset4: 'Preset4', Preset7: 'Preset7' },
} as const;

/** Office's error numbers the stand-in reports. */
export const officeErrors = {
  internal: { code: 9002, name: 'InternalError', message: 'An internal error has occurred.' },
  dialogUnavailable: { code: 12011, name: 'DialogNotSupported', message: 'The Outlook host stand-in opens no dialogs.' },
  noNestedAppAuth: { code: 13000, name: 'NotSupported', message: 'The Outlook host stand-in signs in with getAccessToken, not nested app authentication.' },
} as const;
