/** `npm run bench -- <name>`: runs one benchmark, or all of them without a name. */
import { benchActionsInitial } from './actions-initial';
import { benchContactsIncremental } from './contacts-incremental';
import { benchContactsInitial } from './contacts-initial';
import { benchContactsPlan } from './contacts-plan';
import { benchLatency } from './latency';
import { benchLookup } from './lookup';
import { benchScale } from './scale';
import { benchTaskpane } from './taskpane';

const benchmarks: Record<string, () => Promise<void>> = {
  lookup: benchLookup,
  'contacts-initial': benchContactsInitial,
  'contacts-incremental': benchContactsIncremental,
  'contacts-100k': benchContactsPlan,
  'actions-initial': benchActionsInitial,
  taskpane: benchTaskpane,
  latency: benchLatency,
  scale: benchScale,
};

const names = process.argv.slice(2);
const unknown = names.filter((name) => !(name in benchmarks));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}
for (const name of names.length ? names : Object.keys(benchmarks)) await benchmarks[name]?.();
