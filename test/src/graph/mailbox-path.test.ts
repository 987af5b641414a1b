import { describe, expect, it } from 'vitest';
import { mailboxOfPath, mailboxPath } from '../../../src/graph/mailbox-path';

describe('mailbox paths', () => {
  it('addresses the signed-in user as /me and anyone else by id or principal name', () => {
    expect(mailboxPath('me')).toBe('/me');
    expect(mailboxPath('ana@contoso.test')).toBe('/users/ana%40contoso.test');
  });

  it('reads the mailbox a path counts against, ignoring case, and none for paths outside a mailbox', () => {
    expect(mailboxOfPath('/me/contactFolders')).toBe('me');
    expect(mailboxOfPath('/users/ANA%40contoso.test/contacts?$top=1')).toBe('ana@contoso.test');
    expect(mailboxOfPath('users/a1a1a1a1-0000-4000-8000-000000000001')).toBe('a1a1a1a1-0000-4000-8000-000000000001');
    expect(mailboxOfPath('/$batch')).toBeUndefined();
    expect(mailboxOfPath('/messages/me')).toBeUndefined();
  });
});
