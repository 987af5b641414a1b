import type { Kysely } from 'kysely';
import { ErpError } from '../../../src/domain/erp-port';
import type { DemoErpDatabase } from './demo-erp-database';
import { parseDemoId } from './parse-demo-id';

export interface DemoReferences {
  accountId?: string | undefined;
  ownerId?: string | undefined;
  contactId?: string | undefined;
  /** Owner when `ownerId` is absent: the writing actor's ERP user, if the ERP knows them. */
  actorUserId?: string | undefined;
}

export interface ResolvedDemoReferences {
  accountId?: number;
  ownerId?: number;
  contactId?: number;
  /** The account of `contactId`, so an action logged on a contact also shows on its company. */
  accountOfContact?: number | null;
}

const tables = { accountId: 'accounts', ownerId: 'erp_users' } as const;

/** Checks that referenced records exist; a dangling id is the caller's mistake (`invalid_input`), named in the message. */
export async function resolveDemoReferences(db: Kysely<DemoErpDatabase>, references: DemoReferences): Promise<ResolvedDemoReferences> {
  const resolved: ResolvedDemoReferences = {};
  for (const field of ['accountId', 'ownerId'] as const) {
    const id = references[field];
    if (id === undefined) continue;
    const numeric = parseDemoId(id);
    const row = numeric === undefined ? undefined : await db.selectFrom(tables[field]).select('id').where('id', '=', numeric).executeTakeFirst();
    if (!row) throw dangling(field, id);
    resolved[field] = row.id;
  }
  if (references.contactId !== undefined) {
    const numeric = parseDemoId(references.contactId);
    const row = numeric === undefined ? undefined : await db.selectFrom('contacts').select(['id', 'account_id']).where('id', '=', numeric).executeTakeFirst();
    if (!row) throw dangling('contactId', references.contactId);
    resolved.contactId = row.id;
    resolved.accountOfContact = row.account_id;
  }
  const actor = parseDemoId(references.actorUserId);
  if (references.ownerId === undefined && actor !== undefined) {
    const user = await db.selectFrom('erp_users').select('id').where('id', '=', actor).executeTakeFirst();
    if (user) resolved.ownerId = user.id;
  }
  return resolved;
}

function dangling(field: string, id: string): ErpError {
  return new ErpError('invalid_input', `${field} ${id} names no record of the ERP`);
}
