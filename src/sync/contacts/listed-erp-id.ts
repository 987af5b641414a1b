import { parseErpTag } from '../../domain/parse-erp-tag';
import type { ListedOutlookContact } from './listed-contact';

/**
 * The ERP id of a listed item that carries this environment's tag, else `undefined`. An item listed
 * in step holds its link's id instead of the tag's text (`<environment>:<erpId>`, the same id).
 */
export function listedErpId(contact: ListedOutlookContact, environment: string): string | undefined {
  if ('inStepWith' in contact) return contact.erpId;
  const tag = parseErpTag(contact.tag);
  return tag?.environment === environment ? tag.erpId : undefined;
}
