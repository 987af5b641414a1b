import type { ContactPatch } from '../../domain/erp-records';

/**
 * The fields an ERP contact update changes, with `ContactPatch` meanings: `''` clears a text, `{}`
 * clears the address, `emails` is the record's whole list (the ones Outlook has no slot for
 * included). Company and categories are not here: the ERP derives them, Outlook cannot change them.
 */
export type ErpContactChanges = Pick<
  ContactPatch,
  'givenName' | 'surname' | 'displayName' | 'jobTitle' | 'emails' | 'businessPhone' | 'mobilePhone' | 'address' | 'notes'
>;
