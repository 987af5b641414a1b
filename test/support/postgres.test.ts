import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './postgres-database';

describe('the test PostgreSQL server', () => {
  it('gives each test file a database of its own', async () => {
    const database = await createTestDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ name: string }>('select current_database() as name');
    await client.end();
    await database.drop();
    expect(rows[0]?.name).toMatch(/^test_/);
  });
});
