import type { Context } from 'hono';
import type { ContactFolderRecord } from '../contact-record';
import type { GraphEnv } from '../graph-env';
import { itemNotFound } from '../graph-error';

/** How deep `contactFolders/{id}/childFolders/{id}/…` paths are routed. */
const maximumDepth = 4;

/** `/contactFolders/:folder0`, `/contactFolders/:folder0/childFolders/:folder1`, … */
export const folderChainPaths: readonly string[] = Array.from({ length: maximumDepth }, (_, depth) =>
  ['/contactFolders/:folder0', ...Array.from({ length: depth }, (__, level) => `/childFolders/:folder${level + 1}`)].join(''),
);

/** The last folder of the path, after checking each one is a child of the one before it. */
export function resolveFolderChain(c: Context<GraphEnv>): ContactFolderRecord {
  const mailbox = c.get('mailbox');
  const params = c.req.param();
  let folder: ContactFolderRecord | undefined;
  for (let level = 0; level < maximumDepth; level += 1) {
    const folderId: string | undefined = params[`folder${level}`];
    if (folderId === undefined) break;
    const next = mailbox.folder(folderId);
    if (!next || (folder && next.parentFolderId !== folder.id)) throw itemNotFound();
    folder = next;
  }
  if (!folder) throw itemNotFound();
  return folder;
}
