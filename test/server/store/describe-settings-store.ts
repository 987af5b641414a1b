import { describe, expect, it } from 'vitest';
import { defaultSyncSettings, type SyncSettings } from '../../../src/domain/sync-settings';
import type { CurrentStore } from './describe-store-contract';
import { aUser } from './store-record-builders';

export function describeSettingsStore(store: CurrentStore): void {
  describe('settings', () => {
    it('has no settings for a user who never saved any', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      expect(await store().settings.get(user)).toBeUndefined();
    });

    it('gives back the settings it was given, and the latest ones after a change', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const chosen: SyncSettings = { ...defaultSyncSettings, enabled: true, contactFolderId: 'AAMkFolder=', contactFolderName: 'ERP', actionsEnabled: true };
      await store().settings.put(user, chosen, '2025-03-01T10:00:00.000Z');
      expect(await store().settings.get(user)).toEqual(chosen);
      await store().settings.put(user, { ...chosen, conflicts: 'manual' }, '2025-03-01T11:00:00.000Z');
      expect(await store().settings.get(user)).toEqual({ ...chosen, conflicts: 'manual' });
    });

    it('refuses settings the schema rejects instead of storing what it cannot read back', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const invalid = { ...defaultSyncSettings, todoListName: 'x'.repeat(300) };
      await expect(store().settings.put(user, invalid, '2025-03-01T10:00:00.000Z')).rejects.toMatchObject({ code: 'invalid_input' });
    });

    it('refuses settings for an unknown user', async () => {
      await expect(store().settings.put(aUser(), defaultSyncSettings, '2025-03-01T10:00:00.000Z')).rejects.toMatchObject({ code: 'unknown_user' });
    });
  });
}
