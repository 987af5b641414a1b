import { readFileSync } from 'node:fs';

/** A recorded Graph example from `test/fixtures/graph/`. */
export function readFixture<Fixture>(name: string): Fixture {
  const fixture: Fixture = JSON.parse(readFileSync(new URL(`../../../../fixtures/graph/${name}`, import.meta.url), 'utf8'));
  return fixture;
}
