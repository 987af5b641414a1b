import { afterAll, beforeAll } from 'vitest';
import { openStore } from '../../../server/store/open-store';
import { createTestDatabase } from '../../support/postgres-database';
import { describeStoreContract } from './describe-store-contract';
import { describeStorePersistence } from './describe-store-persistence';

const databases: { drop: () => Promise<void> }[] = [];
async function createDatabase(): Promise<string> {
  const database = await createTestDatabase();
  databases.push(database);
  return database.url;
}
afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

// One database for the whole contract: specs use fresh ids, so they never see each other's rows.
let contractUrl: string | undefined;
beforeAll(async () => {
  contractUrl = await createDatabase();
});
describeStoreContract('PostgreSQL', (options) => {
  if (contractUrl === undefined) throw new Error('the contract database is not ready');
  return openStore(contractUrl, options);
});

describeStorePersistence('PostgreSQL', createDatabase, { sharedByInstances: true });
