import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openErp } from '../../../server/erp/open-erp';
import { demoFixedRecords } from '../../../server/erp/demo/demo-fixed-records';

const logger = pino({ level: 'silent' });
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const folders: string[] = [];

function configFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'open-erp-'));
  folders.push(folder);
  return folder;
}

afterEach(() => {
  vi.unstubAllEnvs();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('openErp', () => {
  it('opens the demo ERP beside the configuration file and seeds it on first start', async () => {
    const baseDir = configFolder();
    const erp = await openErp({ adapter: 'demo', file: './data/demo-erp.db', seed: 1, contacts: 30, salespeople: [] }, { baseDir, logger });
    try {
      expect(existsSync(join(baseDir, 'data', 'demo-erp.db'))).toBe(true);
      expect(erp.kind).toBe('demo');
      const page = await erp.searchContacts({ email: demoFixedRecords.contacts.anaGarcia.email, limit: 5 });
      expect(page.items.map((contact) => contact.displayName)).toEqual(['Ana García']);
    } finally {
      await erp.close();
    }
  });

  it('opens a mapped ERP whose connection comes from a secret and whose mapping path is relative', async () => {
    const baseDir = configFolder();
    const database = new Database(join(baseDir, 'prextra.db'));
    database.exec(readFileSync(here('fixtures/prextra-schema.sqlite.sql'), 'utf8'));
    database.exec(`insert into vendeurs (no_vendeur, nom_complet, courriel) values (1, 'Étienne Gagnon', 'etienne@contoso.example')`);
    database.close();
    copyFileSync(here('../../../server/erp/sql/examples/prextra-mapping.json'), join(baseDir, 'mapping.json'));
    vi.stubEnv('PREXTRA_DB', 'prextra.db');
    const erp = await openErp({ adapter: 'sql', dialect: 'sqlite', connection: { env: 'PREXTRA_DB' }, mapping: 'mapping.json' }, { baseDir, logger });
    try {
      expect(erp.kind).toBe('sql');
      expect(await erp.findUserByEmail('ETIENNE@contoso.example')).toMatchObject({ id: '1', displayName: 'Étienne Gagnon' });
    } finally {
      await erp.close();
    }
  });
});
