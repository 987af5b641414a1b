import { randomUUID } from 'node:crypto';
import type { AuditEntry, ConflictRecord, CursorRecord, LinkRecord, RunRecord, UserKey, UserRecord } from '../../../server/store/store';

/** Every builder makes fresh ids, so specs sharing one database never see each other's rows. */
export function aUserKey(overrides: Partial<UserKey> = {}): UserKey {
  return { tenantId: randomUUID(), objectId: randomUUID(), ...overrides };
}

export function aUser(overrides: Partial<Omit<UserRecord, 'firstSeenAt' | 'lastSeenAt' | 'erpUserIdOverride'>> = {}) {
  return { tenantId: randomUUID(), objectId: randomUUID(), environment: `env-${randomUUID().slice(0, 8)}`, email: 'ana.garcia@example.com', displayName: 'Ana García', ...overrides };
}

/** Only the key of a user: records carry no more, whatever was passed in. */
function keyOf(user: UserKey): UserKey {
  return { tenantId: user.tenantId, objectId: user.objectId };
}

export function aLink(user: UserKey, overrides: Partial<LinkRecord> = {}): LinkRecord {
  return {
    user: keyOf(user),
    entity: 'contact',
    erpId: `C-${randomUUID().slice(0, 8)}`,
    outlookId: `AAMk-${randomUUID()}`,
    state: 'active',
    snapshot: { givenName: 'Émilie', surname: 'Dubois', emails: ['emilie@example.fr'] },
    missedListings: 0,
    updatedAt: '2025-03-01T10:00:00.000Z',
    ...overrides,
  };
}

export function aCursor(user: UserKey, overrides: Partial<CursorRecord> = {}): CursorRecord {
  return { user: keyOf(user), collection: 'contacts', value: 'https://graph.microsoft.com/v1.0/me/contactFolders/ERP/contacts/delta?$deltatoken=abc', updatedAt: '2025-03-01T10:00:00.000Z', ...overrides };
}

export function aRun(user: UserKey, overrides: Partial<RunRecord> = {}): RunRecord {
  return { id: randomUUID(), user: keyOf(user), kind: 'contacts', status: 'queued', stage: 'queued', done: 0, total: 0, startedAt: '2025-03-01T10:00:00.000Z', ...overrides };
}

export function aConflict(user: UserKey, overrides: Partial<ConflictRecord> = {}): ConflictRecord {
  return {
    id: randomUUID(),
    user: keyOf(user),
    entity: 'contact',
    erpId: 'C-1',
    field: 'jobTitle',
    erpValue: 'Directora comercial',
    outlookValue: 'Sales director',
    status: 'open',
    createdAt: '2025-03-01T10:00:00.000Z',
    ...overrides,
  };
}

export function anAuditEntry(user: UserKey, overrides: Partial<Omit<AuditEntry, 'id'>> = {}): Omit<AuditEntry, 'id'> {
  return {
    user: keyOf(user),
    environment: 'demo',
    action: 'contact.create',
    targetType: 'contact',
    targetId: 'C-1',
    details: { email: 'ana.garcia@example.com' },
    at: '2025-03-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A 32-byte token-cache key made of one repeated byte, so two keys are easy to tell apart. */
export function anEncryptionKey(fill = 7): Buffer {
  return Buffer.alloc(32, fill);
}
