import { describe, expect, it } from 'vitest';
import type { MailboxScope } from '../../../src/domain/erp-port';
import { mailboxes, useSyncWorlds, type SyncWorldOptions } from './support/start-sync-world';

const worlds = useSyncWorlds();

/** Records the mailbox scope each listing and change-feed read of the ERP is given. */
function recordScopes(): { options: SyncWorldOptions; scopes: (MailboxScope | undefined)[] } {
  const scopes: (MailboxScope | undefined)[] = [];
  return {
    scopes,
    options: {
      wrapErp: (_environment, erp) => ({
        ...erp,
        searchContacts(search) {
          scopes.push(search.mailbox);
          return erp.searchContacts(search);
        },
        contactChanges(cursor, limit, mailbox) {
          scopes.push(mailbox);
          return erp.contactChanges(cursor, limit, mailbox);
        },
      }),
    },
  };
}

describe('the ERP scope of a mailbox', () => {
  it("reads the ERP for the mailbox's own ERP user, found by the member's email", async () => {
    const { options, scopes } = recordScopes();
    const sync = await worlds.start(options);
    const lucia = await sync.erps.contoso.findUserByEmail(mailboxes.lucia.email);

    await sync.run('lucia');

    expect(lucia).toBeDefined();
    expect(scopes.length).toBeGreaterThan(0);
    expect(new Set(scopes.map((scope) => scope?.erpUserId))).toEqual(new Set([lucia?.id]));
  });

  it('gives a guest no ERP user by email: only an admin maps one', async () => {
    const { options, scopes } = recordScopes();
    const sync = await worlds.start(options);
    const record = await sync.store.users.get(mailboxes.lucia.user);
    await sync.store.users.upsert({ ...mailboxes.lucia.user, environment: 'contoso', email: record?.email ?? '', displayName: 'Guest', isGuest: true }, new Date(0).toISOString());

    await sync.run('lucia');

    expect(scopes.length).toBeGreaterThan(0);
    expect(scopes.every((scope) => scope?.erpUserId === undefined)).toBe(true);

    const mapped = await sync.erps.contoso.findUserByEmail(mailboxes.lucia.email);
    await sync.store.users.setErpUserOverride(mailboxes.lucia.user, mapped?.id);
    scopes.length = 0;
    await sync.run('lucia');

    expect(new Set(scopes.map((scope) => scope?.erpUserId))).toEqual(new Set([mapped?.id]));
  });
});
