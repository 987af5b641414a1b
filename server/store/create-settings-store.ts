import type { Kysely } from 'kysely';
import { syncSettingsSchema } from '../../src/domain/sync-settings';
import type { Store, UserKey } from './store';
import type { StoreDatabase } from './store-database';
import { StoreError } from './store-error';
import { readSchemaColumn } from './read-schema-column';
import { requireKnownUser } from './require-known-user';
import { toIsoInstant } from './to-iso-instant';
import { userFilter } from './user-filter';

/** Settings saved before events and tasks had a direction each held one `actions` direction for both. */
function upgradeActionsDirection(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('actions' in value)) return value;
  const { actions, ...rest } = value;
  return { events: actions, tasks: actions, ...rest };
}

export function createSettingsStore(db: Kysely<StoreDatabase>): Store['settings'] {
  return {
    async get(key) {
      const row = await db.selectFrom('user_settings').select('settings').where((eb) => eb.and(userFilter(key))).executeTakeFirst();
      if (row === undefined) return undefined;
      return readSchemaColumn(row.settings, syncSettingsSchema, describe(key), upgradeActionsDirection);
    },

    async put(key, settings, now) {
      const parsed = syncSettingsSchema.safeParse(settings);
      if (!parsed.success) throw new StoreError('invalid_input', `settings for user ${key.tenantId}/${key.objectId} are not valid`, { cause: parsed.error });
      const text = JSON.stringify(parsed.data);
      const updatedAt = toIsoInstant(now, 'now');
      await requireKnownUser(key, () =>
        db
          .insertInto('user_settings')
          .values({ ...userFilter(key), settings: text, updated_at: updatedAt })
          .onConflict((conflict) => conflict.columns(['tenant_id', 'object_id']).doUpdateSet({ settings: text, updated_at: updatedAt }))
          .execute(),
      );
    },
  };
}

function describe(key: UserKey): string {
  return `the stored settings of user ${key.tenantId}/${key.objectId}`;
}
