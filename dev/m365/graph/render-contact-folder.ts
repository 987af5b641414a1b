import type { ContactFolder } from '@microsoft/microsoft-graph-types';
import type { ContactFolderRecord } from './contact-record';

export type GraphContactFolderJson = ContactFolder & { '@odata.context'?: string };

export const contactFolderPropertyNames = ['id', 'displayName', 'parentFolderId'] as const;

export function renderContactFolder(folder: ContactFolderRecord, select?: ReadonlySet<string>, context?: string): GraphContactFolderJson {
  const json: GraphContactFolderJson = {};
  if (context) json['@odata.context'] = context;
  json.id = folder.id;
  if (!select || select.has('displayName')) json.displayName = folder.displayName;
  if (!select || select.has('parentFolderId')) json.parentFolderId = folder.parentFolderId;
  return json;
}
