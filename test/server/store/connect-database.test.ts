import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../../server/store/connect-database';
import { openStore } from '../../../server/store/open-store';

describe('connecting to the store database', () => {
  const folders: string[] = [];
  const aFolder = () => {
    const folder = mkdtempSync(join(tmpdir(), 'erp-bridge-connect-'));
    folders.push(folder);
    return folder;
  };
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('refuses a URL that is neither SQLite nor PostgreSQL, without echoing it', () => {
    expect(() => connectDatabase('mysql://root:hunter2@db/bridge')).toThrow(expect.objectContaining({ code: 'unsupported_url' }));
    expect(() => connectDatabase('mysql://root:hunter2@db/bridge')).not.toThrow(/hunter2/);
    expect(() => connectDatabase('sqlite:')).toThrow(expect.objectContaining({ code: 'unsupported_url' }));
  });

  it('creates the folder of a new SQLite file, relative to the configuration folder', async () => {
    const baseDir = aFolder();
    const store = await openStore('sqlite:./data/bridge.db', { baseDir });
    await store.close();
    expect(existsSync(join(baseDir, 'data', 'bridge.db'))).toBe(true);
  });

  it('opens SQLite files in WAL mode with foreign keys on and a busy timeout', async () => {
    const { db } = connectDatabase(`sqlite:${join(aFolder(), 'bridge.db')}`);
    try {
      const pragma = async (name: string) => Object.values((await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(db)).rows[0] ?? {})[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
    } finally {
      await db.destroy();
    }
  });

  it('accepts the token-cache key as configured, in base64', async () => {
    const store = await openStore('sqlite::memory:', { encryptionKey: Buffer.alloc(32, 1).toString('base64') });
    await store.close();
    await expect(openStore('sqlite::memory:', { encryptionKey: 'not a key' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
