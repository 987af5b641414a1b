import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../../server/store/open-store';
import { describeStoreContract } from './describe-store-contract';
import { describeStorePersistence } from './describe-store-persistence';

describeStoreContract('SQLite in memory', (options) => openStore('sqlite::memory:', options));

const folder = mkdtempSync(join(tmpdir(), 'erp-bridge-store-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;
describeStorePersistence('a SQLite file', async () => {
  files += 1;
  return `sqlite:${join(folder, `bridge-${files}.db`)}`;
}, { sharedByInstances: false });
