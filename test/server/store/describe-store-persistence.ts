import { sql, type Kysely } from 'kysely';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultSyncSettings } from '../../../src/domain/sync-settings';
import { connectDatabase } from '../../../server/store/connect-database';
import { openStore, type StoreOptions } from '../../../server/store/open-store';
import type { Store } from '../../../server/store/store';
import type { StoreDatabase } from '../../../server/store/store-database';
import { buildSyncPolicy } from '../../builders/build-sync-policy';
import { aLink, anEncryptionKey, aUser } from './store-record-builders';

/** Returns the URL of a new, empty database. */
export type CreateTestDatabase = () => Promise<string>;

/**
 * What only shows across connections: migrations on reopen, and rows damaged behind the store's
 * back (by hand, by an old release, by an attacker with database access).
 */
export function describeStorePersistence(name: string, createDatabase: CreateTestDatabase, backend: { sharedByInstances: boolean }): void {
  describe(`the store kept in ${name}`, () => {
    let url: string;
    const opened: { close(): Promise<void> }[] = [];
    const open = async (options: StoreOptions = { encryptionKey: anEncryptionKey() }, at = url): Promise<Store> => {
      const store = await openStore(at, options);
      opened.push(store);
      return store;
    };
    /** A second connection, as a hand edit or another program would use. */
    const connect = (): Kysely<StoreDatabase> => {
      const { db } = connectDatabase(url);
      opened.push({ close: () => db.destroy() });
      return db;
    };

    beforeAll(async () => {
      url = await createDatabase();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    describe('migrations', () => {
      it('migrates a new database on open, and opening it again keeps the data and changes nothing', async () => {
        const fresh = await createDatabase();
        const user = aUser();
        const first = await open(undefined, fresh);
        await first.users.upsert(user, '2025-03-01T10:00:00.000Z');
        await first.close();
        const second = await open(undefined, fresh);
        expect(await second.users.get(user)).toMatchObject({ email: user.email });
        const { db } = connectDatabase(fresh);
        opened.push({ close: () => db.destroy() });
        const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
        expect(migrations.rows.map((row) => row.name)).toEqual(['0001-initial-schema', '0002-environment-activation', '0003-user-guest-flag', '0004-environment-sync-policy', '0005-graph-notifications']);
      });

      it('leaves the database as it was when a migration fails, and names the migration', async () => {
        const fresh = await createDatabase();
        const { db } = connectDatabase(fresh);
        opened.push({ close: () => db.destroy() });
        // A table the migration wants to create already exists, so it fails halfway.
        await db.schema.createTable('runs').addColumn('id', 'text').execute();
        await expect(openStore(fresh)).rejects.toMatchObject({ code: 'migration_failed', message: expect.stringContaining('0001-initial-schema') });
        const tables = (await db.introspection.getTables()).map((table) => table.name);
        expect(tables).not.toContain('users');
      });

      // SQLite is the one-process default: one store per file per process.
      it.runIf(backend.sharedByInstances)('lets several bridge instances open a new database at once', async () => {
        const fresh = await createDatabase();
        const stores = await Promise.all([open(undefined, fresh), open(undefined, fresh), open(undefined, fresh)]);
        const user = aUser();
        await stores[0]?.users.upsert(user, '2025-03-01T10:00:00.000Z');
        expect(await stores[2]?.users.get(user)).toBeDefined();
      });
    });

    describe('damaged settings', () => {
      it('reports a settings row that is not JSON as corrupt, naming the user, while others still read theirs', async () => {
        const store = await open();
        const [ana, bruno] = [aUser(), aUser()];
        for (const user of [ana, bruno]) {
          await store.users.upsert(user, '2025-03-01T10:00:00.000Z');
          await store.settings.put(user, { ...defaultSyncSettings, enabled: true }, '2025-03-01T10:00:00.000Z');
        }
        await connect().updateTable('user_settings').set({ settings: '{"enabled": tru' }).where('object_id', '=', ana.objectId).execute();
        await expect(store.settings.get(ana)).rejects.toMatchObject({ code: 'corrupt_record', message: expect.stringContaining(ana.objectId) });
        expect(await store.settings.get(bruno)).toMatchObject({ enabled: true });
      });

      it('reports settings that break the schema as corrupt, naming the field', async () => {
        const store = await open();
        const ana = aUser();
        await store.users.upsert(ana, '2025-03-01T10:00:00.000Z');
        await store.settings.put(ana, defaultSyncSettings, '2025-03-01T10:00:00.000Z');
        await connect().updateTable('user_settings').set({ settings: '{"enabled":"yes","conflicts":"coin-toss"}' }).where('object_id', '=', ana.objectId).execute();
        const attempt = store.settings.get(ana);
        await expect(attempt).rejects.toMatchObject({ code: 'corrupt_record' });
        await expect(attempt).rejects.toThrow(/enabled: .*conflicts: /);
      });

      it('fills settings added by a later release with their defaults', async () => {
        const store = await open();
        const ana = aUser();
        await store.users.upsert(ana, '2025-03-01T10:00:00.000Z');
        await store.settings.put(ana, defaultSyncSettings, '2025-03-01T10:00:00.000Z');
        await connect().updateTable('user_settings').set({ settings: '{"enabled":true}' }).where('object_id', '=', ana.objectId).execute();
        expect(await store.settings.get(ana)).toEqual({ ...defaultSyncSettings, enabled: true });
      });

      it('reads the one actions direction of settings saved by an earlier release as the direction of events and of tasks', async () => {
        const store = await open();
        const ana = aUser();
        await store.users.upsert(ana, '2025-03-01T10:00:00.000Z');
        await store.settings.put(ana, defaultSyncSettings, '2025-03-01T10:00:00.000Z');
        const earlier = '{"enabled":true,"contacts":"two-way","actions":"off","conflicts":"manual","todoListName":"ERP"}';
        await connect().updateTable('user_settings').set({ settings: earlier }).where('object_id', '=', ana.objectId).execute();
        expect(await store.settings.get(ana)).toEqual({ ...defaultSyncSettings, enabled: true, contacts: 'two-way', conflicts: 'manual', events: 'off', tasks: 'off' });
      });

      it('reports a stored sync policy whose default is outside its allowed values as corrupt, naming the environment', async () => {
        const store = await open();
        const saved = { environment: `env-${aUser().objectId}`, policy: buildSyncPolicy(), changedBy: 'lucia@contoso.example', changedAt: '2026-11-02T09:00:00.000Z' };
        await store.syncPolicies.put(saved);
        const damaged = JSON.stringify({ ...saved.policy, contacts: { ...saved.policy.contacts, directions: ['two-way'] } });
        await connect().updateTable('environment_sync_policy').set({ policy: damaged }).where('environment', '=', saved.environment).execute();
        await expect(store.syncPolicies.get(saved.environment)).rejects.toMatchObject({ code: 'corrupt_record', message: expect.stringContaining(saved.environment) });
      });
    });

    describe('damaged links', () => {
      it('reports a link with an unknown state as corrupt', async () => {
        const store = await open();
        const ana = aUser();
        await store.users.upsert(ana, '2025-03-01T10:00:00.000Z');
        const link = aLink(ana);
        await store.links.upsert(link);
        await connect().updateTable('links').set({ state: 'archived' }).where('object_id', '=', ana.objectId).execute();
        await expect(store.links.get(ana, 'contact', link.erpId)).rejects.toMatchObject({ code: 'corrupt_record', message: expect.stringContaining('archived') });
      });
    });

    describe('token cache at rest', () => {
      const secret = '{"RefreshToken":{"rt":{"secret":"0.AXEA-very-secret"}}}';

      async function storeWithAnasTokens() {
        const store = await open();
        const ana = aUser();
        await store.users.upsert(ana, '2025-03-01T10:00:00.000Z');
        await store.tokenCache.put(ana, secret, '2025-03-01T10:00:00.000Z');
        const row = await connect().selectFrom('token_cache').select('blob').where('object_id', '=', ana.objectId).executeTakeFirstOrThrow();
        return { store, ana, blob: row.blob };
      }

      it('stores a versioned envelope, never the tokens themselves, with a new IV on every write', async () => {
        const { store, ana, blob } = await storeWithAnasTokens();
        expect(blob).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
        expect(blob).not.toContain('very-secret');
        await store.tokenCache.put(ana, secret, '2025-03-01T10:01:00.000Z');
        const again = await connect().selectFrom('token_cache').select('blob').where('object_id', '=', ana.objectId).executeTakeFirstOrThrow();
        expect(again.blob).not.toBe(blob);
      });

      it('refuses a blob that was altered', async () => {
        const { store, ana, blob } = await storeWithAnasTokens();
        const parts = blob.split('.');
        const ciphertext = Buffer.from(parts[3] ?? '', 'base64url');
        ciphertext[0] = (ciphertext[0] ?? 0) ^ 0x01;
        const altered = [parts[0], parts[1], parts[2], ciphertext.toString('base64url')].join('.');
        await connect().updateTable('token_cache').set({ blob: altered }).where('object_id', '=', ana.objectId).execute();
        await expect(store.tokenCache.get(ana)).rejects.toMatchObject({ code: 'token_unreadable', message: expect.stringContaining('sign in again') });
      });

      it('refuses a blob that is not an envelope at all', async () => {
        const { store, ana } = await storeWithAnasTokens();
        await connect().updateTable('token_cache').set({ blob: secret }).where('object_id', '=', ana.objectId).execute();
        await expect(store.tokenCache.get(ana)).rejects.toMatchObject({ code: 'token_unreadable' });
      });

      it('refuses to decrypt with another key', async () => {
        const { ana } = await storeWithAnasTokens();
        const rotated = await open({ encryptionKey: anEncryptionKey(9) });
        await expect(rotated.tokenCache.get(ana)).rejects.toMatchObject({ code: 'token_unreadable' });
      });

      it('refuses Ana’s blob copied into another user’s row', async () => {
        const { store, blob } = await storeWithAnasTokens();
        const mallory = aUser();
        await store.users.upsert(mallory, '2025-03-01T10:00:00.000Z');
        await store.tokenCache.put(mallory, '{}', '2025-03-01T10:00:00.000Z');
        await connect().updateTable('token_cache').set({ blob }).where('object_id', '=', mallory.objectId).execute();
        await expect(store.tokenCache.get(mallory)).rejects.toMatchObject({ code: 'token_unreadable' });
      });
    });
  });
}
