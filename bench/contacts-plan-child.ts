/**
 * One measurement of `contacts-100k`, in a process of its own so its peak RSS is its own: the
 * production run (`runContactSync`, through `createStoreContactSync` and the folder's own listing)
 * reconciling N contacts, fed the way a run receives its inputs: stored links in the store's pages of
 * 2,000 rows, ERP pages of 1,000 records, Graph JSON pages of 1,000 contacts read as they arrive.
 * The folder's delta round and its writes are answered in memory, as Graph would. Prints one JSON line.
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphContact } from '../src/graph/contacts/graph-contact';
import { erpIdPropertyId } from '../src/graph/erp-id-property';
import { toGraphContact } from '../src/graph/contacts/to-graph-contact';
import type { GraphClient } from '../src/graph/create-graph-client';
import type { GraphCollection } from '../src/graph/graph-collection';
import { parseCollectionItems } from '../src/graph/parse-collection-items';
import type { ErpContact } from '../src/domain/erp-records';
import { projectErpContact } from '../src/domain/project-erp-contact';
import type { ErpContactSource } from '../src/sync/contacts/erp-contact-source';
import type { OutlookContactFolder } from '../src/sync/contacts/outlook-contact-folder';
import { runContactSync } from '../src/sync/contacts/run-contact-sync';
import { contactCursors } from '../server/jobs/contact-sync-state';
import { type ContactSyncTables, createStoreContactSync } from '../server/jobs/create-store-contact-sync';
import { createGraphContactFolder } from '../src/graph/contacts/create-graph-contact-folder';
import type { CursorRecord, LinkRecord } from '../server/store/store';

/**
 * `prepare <count> <dir>` writes the text of every page the run will read into `dir`, in a process
 * of its own; `<count> <dir>` is the measurement, which reads those texts as the store, the ERP and
 * Graph would answer them, so making the data is not counted in its time or memory.
 */
const preparing = process.argv[2] === 'prepare';
const [sizeArgument, pagesDir] = preparing ? process.argv.slice(3) : process.argv.slice(2);
if (!pagesDir) throw new Error('usage: contacts-plan-child.ts [prepare] <count> <pages directory>');
const count = Number(sizeArgument ?? 10_000);
const environment = 'acme';
const user = { tenantId: 't', objectId: 'o' };
const synced = '2026-11-01T08:00:00.000Z';
/** ERP and Graph pages hold 1,000 contacts; the store's link pages 2,000, as `forEachStoredContactLink` reads them. */
const pageSize = 1000;
const linkPageSize = 2000;
const rssBeforeMb = process.memoryUsage.rss() / 2 ** 20;

const names = ['José', 'Amélie', 'Íñigo', 'Chloé', 'Zoë', 'François', 'María', 'Søren', 'Noël', 'Ana'];
const surnames = ['Núñez', 'Dubois', 'Urrutia', 'Lefèvre', 'García', 'Müller', 'Øster', 'Peña', 'Martín', 'Ibáñez'];

function erpContact(index: number, version = 1): ErpContact {
  const givenName = names[index % names.length] ?? 'Ana';
  const surname = `${surnames[(index * 7) % surnames.length] ?? 'Núñez'} ${index}`;
  return {
    id: String(100_000 + index), givenName, surname, displayName: `${givenName} ${surname}`, companyName: `Compañía ${index % 997} S.L.`,
    jobTitle: index % 3 ? 'Gerente de compras' : 'Director comercial', emails: [`c${index}@example.es`, `compras${index % 997}@example.es`],
    businessPhone: `+34 91 ${String(index).padStart(7, '0')}`, mobilePhone: `+34 6${String(index).padStart(8, '0')}`,
    address: { street: `Calle Mayor ${index % 200}`, city: 'Madrid', postalCode: '28013', countryOrRegion: 'España' },
    notes: index % 4 ? undefined : 'Prefiere llamadas por la mañana; pedidos trimestrales.', updatedAt: synced, version,
  };
}

/** About 1% edited in the ERP, 0.2% gone from it; the others as the last run left them. */
function erpRecordOf(index: number): ErpContact | undefined {
  if (index % 500 === 7) return undefined;
  return index % 100 === 1 ? { ...erpContact(index, 2), jobTitle: 'Jefa de ventas', updatedAt: '2026-11-02T08:00:00.000Z' } : erpContact(index);
}

/** 0.5% are new in the ERP: no link, no copy yet. */
const isNew = (index: number) => index % 200 === 3;

/** The store's page of `links.listForUser`: rows after `afterErpId`, one JSON text a row (the snapshot column is JSON too). */
function storedLinksRows(afterErpId: string | undefined, limit: number): LinkRecord[] {
  const links: LinkRecord[] = [];
  for (let index = afterErpId === undefined ? 0 : Number(afterErpId) - 100_000 + 1; index < count && links.length < limit; index += 1) {
    if (isNew(index)) continue;
    links.push({ user, entity: 'contact', erpId: erpContact(index).id, outlookId: outlookIdOf(index), state: 'active', snapshot: projectErpContact(erpContact(index), environment).fields, missedListings: 0, updatedAt: synced });
  }
  return links;
}

function outlookIdOf(index: number): string {
  return `AAMkAGI2${String(index).padStart(12, '0')}AAA=`;
}

/** One page of the folder as Graph's JSON text, the way a listing request answers it; 1% edited by the user. */
function graphPageText(from: number): string {
  const value: GraphContact[] = [];
  for (let index = from; index < Math.min(from + pageSize, count); index += 1) {
    if (isNew(index)) continue;
    const projected = projectErpContact(erpContact(index), environment);
    const editedByUser = index % 100 === 2;
    value.push({
      ...toGraphContact(editedByUser ? { ...projected.fields, mobilePhone: '+34 699 000 000' } : projected.fields), id: outlookIdOf(index), changeKey: `EQAAABYAAA${index}`,
      createdDateTime: '2026-11-01T08:00:05Z', lastModifiedDateTime: editedByUser ? '2026-11-02T09:00:00Z' : '2026-11-01T08:00:05Z', parentFolderId: 'folder',
      singleValueExtendedProperties: [{ id: erpIdPropertyId, value: projected.tag }],
    });
  }
  const next = from + pageSize < count ? { '@odata.nextLink': `page:${from + pageSize}` } : {};
  return JSON.stringify({ value, ...next });
}

/** One ERP page of 1,000, as `searchContacts` answers it: records made from the ERP database's rows, one by one. */
function erpPageRows(from: number): ErpContact[] {
  const page: ErpContact[] = [];
  for (let index = from; index < Math.min(from + pageSize, count); index += 1) {
    const record = erpRecordOf(index);
    if (record) page.push(record);
  }
  return page;
}

const pagePath = (kind: 'links' | 'erp' | 'graph', key: string | number) => join(pagesDir, `${kind}-${key}.${kind === 'graph' ? 'json' : 'jsonl'}`);
const rowsText = (rows: readonly unknown[]) => rows.map((row) => `${JSON.stringify(row)}\n`).join('');

if (preparing) {
  for (let afterErpId: string | undefined; ; ) {
    const page = storedLinksRows(afterErpId, linkPageSize);
    writeFileSync(pagePath('links', afterErpId ?? 'start'), rowsText(page));
    if (page.length < linkPageSize) break;
    afterErpId = page.at(-1)?.erpId;
  }
  for (let from = 0; from < count; from += pageSize) {
    writeFileSync(pagePath('erp', from), rowsText(erpPageRows(from)));
    writeFileSync(pagePath('graph', from), graphPageText(from));
  }
  process.exit(0);
}

/**
 * A database page as its driver answers it: the page's bytes outside the JavaScript heap, made into
 * an array of rows, each from its own text (SQLite and PostgreSQL hand over rows, and the store
 * parses each snapshot column on its own), never one text of the whole page. Reading the bytes
 * stands for the database answering; making the rows is the run's work.
 */
function readRows<Row>(kind: 'links' | 'erp', key: string | number): Row[] {
  const bytes = readFileSync(pagePath(kind, key));
  const rows: Row[] = [];
  for (let start = 0; start < bytes.length; ) {
    const end = bytes.indexOf(0x0a, start);
    const lineEnd = end === -1 ? bytes.length : end;
    if (lineEnd > start) rows.push(JSON.parse(bytes.toString('utf8', start, lineEnd)) as Row);
    start = lineEnd + 1;
  }
  return rows;
}

const graphPageOf = (path: string) => pagePath('graph', path.startsWith('page:') ? Number(path.slice(5)) : 0);

/** Graph as the folder's listing sees it: each request answers the next page's JSON text, read as it arrives in chunks as a response body is. */
const graph: GraphClient = {
  baseUrl: 'https://graph.invalid/v1.0',
  maxRetries: 0,
  request: <Result>(_method: string, path: string): Promise<Result> => Promise.resolve(JSON.parse(readFileSync(graphPageOf(path), 'utf8')) as Result),
  async requestCollection<Item, Listed>(path: string, toListed: (item: Item) => Listed): Promise<GraphCollection<Listed>> {
    const value: Listed[] = [];
    const members = await parseCollectionItems(createReadStream(graphPageOf(path), { encoding: 'utf8' }), (item) => value.push(toListed(item as Item)));
    const nextLink = members['@odata.nextLink'];
    return { value, ...(typeof nextLink === 'string' ? { '@odata.nextLink': nextLink } : {}) };
  },
  waitToRetry: () => Promise.resolve(),
  isRetryable: () => false,
};

/** The store's tables as `createStoreContactSync` reads them: link pages from the prepared rows, the rest in memory. */
const cursors = new Map<string, CursorRecord>();
const put = (collection: string, value: string) => cursors.set(collection, { user, collection, value, updatedAt: synced });
put(contactCursors.erpFeed, 'feed:start');
put(contactCursors.outlookDelta, 'delta:start');
put(contactCursors.state, JSON.stringify({ folderId: 'folder', fingerprint: 'the last run', pending: false, listedAt: synced }));
let linkWrites = 0;
const tables: ContactSyncTables = {
  links: {
    listForUser: async (_user, _entity, page) => {
      if (page?.limit !== linkPageSize) throw new Error(`the pages were prepared ${linkPageSize} links at a time`);
      return readRows<LinkRecord>('links', page.afterErpId ?? 'start');
    },
    // A few thousand rows by key, as an indexed lookup answers them.
    get: async (_user, _entity, erpId) => storedLinksRows(String(Number(erpId) - 1), 1).find((link) => link.erpId === erpId),
    findByOutlookId: async () => undefined,
    upsert: async () => void (linkWrites += 1),
    remove: async () => ((linkWrites += 1), true),
  },
  cursors: {
    get: async (_user, collection) => cursors.get(collection),
    put: async (cursor) => void cursors.set(cursor.collection, cursor),
    remove: async (_user, collection) => cursors.delete(collection),
  },
  conflicts: { add: async () => undefined, get: async () => undefined, listForUser: async () => [], resolve: async () => false },
  transaction: (work) => work(tables),
};

/** The ERP as the run's source sees it: the change feed of the edited and new records, then the pages of the scope. */
const changed = Array.from({ length: count }, (_, index) => index).filter((index) => index % 100 === 1 || isNew(index) || index % 500 === 7);
const erp: ErpContactSource = {
  async listContactsInScope<Listed>(shrink?: (contact: ErpContact) => Listed) {
    const listed: (ErpContact | Listed)[] = [];
    for (let from = 0; from < count; from += pageSize) for (const contact of readRows<ErpContact>('erp', from)) listed.push(shrink ? shrink(contact) : contact);
    return listed;
  },
  async listContactChanges(cursor) {
    if (cursor !== 'feed:start') return { items: [], deletedIds: [], nextCursor: cursor ?? 'feed:end', hasMore: false };
    const items = changed.flatMap((index) => erpRecordOf(index) ?? []);
    return { items, deletedIds: changed.filter((index) => erpRecordOf(index) === undefined).map((index) => erpContact(index).id), nextCursor: 'feed:end', hasMore: false };
  },
  async updateContactFields(erpId, _changes, version) {
    const record = erpRecordOf(Number(erpId) - 100_000);
    if (!record) throw new Error(`no ERP record ${erpId}`);
    return { ...record, version: version + 1 };
  },
};

/** The folder: the production listing over the prepared pages; its delta round and writes answered as Graph would. */
const graphFolder = createGraphContactFolder(graph, 'ana@example.es', 'folder');
const userEdited = Array.from({ length: count }, (_, index) => index).filter((index) => index % 100 === 2 && !isNew(index));
const folder: OutlookContactFolder = {
  ...graphFolder,
  async readChanges(deltaLink) {
    const changes = deltaLink === 'delta:start' ? userEdited : [];
    return { changed: new Map(changes.map((index) => [outlookIdOf(index), `EQAAABYAAA${index}`])), removed: new Set(), deltaLink: 'delta:next' };
  },
  async write(writes) {
    return writes.map((write, index) => (write.kind === 'create' ? { ok: true, id: `created-${index}`, changeKey: 'ck' } : write.kind === 'update' ? { ok: true, id: write.outlookId, changeKey: 'ck2' } : { ok: true }));
  },
};

// Timed: the production run (`runContactSync`), from its change detection to its saved cursors.
const started = performance.now();
const stageAt = new Map<string, number>();
let operations = 0;
const { report } = await runContactSync(
  { environment, folderId: 'folder', direction: 'two-way', policy: 'erp-wins', folderChange: 'move' },
  { confirmedRemovals: [] },
  {
    store: createStoreContactSync(tables, user, () => new Date('2026-11-02T10:00:00.000Z')),
    folder, folderFor: () => folder, erp,
    now: () => new Date('2026-11-02T10:00:00.000Z'),
    newId: (() => { let conflicts = 0; return () => `conflict-${(conflicts += 1)}`; })(),
    fullListingEveryMs: 24 * 60 * 60_000,
    onState: async (state) => {
      if (!stageAt.has(state.stage)) stageAt.set(state.stage, performance.now());
      if (state.stage === 'applying') operations = state.total;
    },
  },
);
const finished = performance.now();
if (report.outcome !== 'succeeded') throw new Error(`the run ${report.outcome}: ${report.failure?.message ?? ''}`);
const listed = stageAt.get('planning') ?? finished;
const planned = stageAt.get('applying') ?? finished;

console.log(JSON.stringify({
  contacts: count, operations, mapMs: listed - started, planMs: planned - listed, applyMs: finished - planned, totalMs: finished - started,
  linkWrites, rssBeforeMb, peakRssMb: process.resourceUsage().maxRSS / 1024,
}));
