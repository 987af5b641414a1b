/**
 * One measurement of `contacts-100k`, in a process of its own so its peak RSS is its own: builds
 * the inputs of a run's planning stage for N contacts as the run receives them (ERP records, Graph
 * JSON pages of 1,000, stored links), then times what the run does with them: map the pages, parse
 * the links, plan. Prints one JSON line.
 */
import type { GraphContact } from '../src/graph/contacts/graph-contact';
import { erpIdPropertyId } from '../src/graph/contacts/erp-id-property';
import { toGraphContact } from '../src/graph/contacts/to-graph-contact';
import type { ErpContact } from '../src/domain/erp-records';
import { projectErpContact } from '../src/domain/project-erp-contact';
import { planContactChanges } from '../src/sync/contacts/plan-contact-changes';
import type { OutlookContact } from '../src/sync/contacts/outlook-contact';
import { toContactLink } from '../server/jobs/create-store-contact-links';
import { toOutlookContact } from '../server/jobs/to-outlook-contact';
import type { LinkRecord } from '../server/store/store';

const count = Number(process.argv[2] ?? 10_000);
const environment = 'acme';
const user = { tenantId: 't', objectId: 'o' };
const synced = '2026-11-01T08:00:00.000Z';
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

// The run's inputs. About 1% edited in the ERP, 1% in Outlook, 0.5% new in the ERP, 0.2% gone from it.
const erpContacts: ErpContact[] = [];
let links: LinkRecord[] = [];
for (let index = 0; index < count; index += 1) {
  const base = erpContact(index);
  if (index % 500 !== 7) erpContacts.push(index % 100 === 1 ? { ...erpContact(index, 2), jobTitle: 'Jefa de ventas', updatedAt: '2026-11-02T08:00:00.000Z' } : base);
  // New in the ERP: no link, no copy yet.
  if (index % 200 === 3) continue;
  links.push({ user, entity: 'contact', erpId: base.id, outlookId: outlookIdOf(index), state: 'active', snapshot: JSON.parse(JSON.stringify(projectErpContact(base, environment).fields)), missedListings: 0, updatedAt: synced });
}

function outlookIdOf(index: number): string {
  return `AAMkAGI2${String(index).padStart(12, '0')}AAA=`;
}

/** One page of the folder as Graph's JSON text, the way a listing request answers it. */
function graphPage(from: number): string {
  const value: GraphContact[] = [];
  for (let index = from; index < Math.min(from + 1000, count); index += 1) {
    if (index % 200 === 3) continue;
    const projected = projectErpContact(erpContact(index), environment);
    const editedByUser = index % 100 === 2;
    value.push({
      ...toGraphContact(editedByUser ? { ...projected.fields, mobilePhone: '+34 699 000 000' } : projected.fields), id: outlookIdOf(index), changeKey: `EQAAABYAAA${index}`,
      createdDateTime: '2026-11-01T08:00:05Z', lastModifiedDateTime: editedByUser ? '2026-11-02T09:00:00Z' : '2026-11-01T08:00:05Z', parentFolderId: 'folder',
      singleValueExtendedProperties: [{ id: erpIdPropertyId, value: projected.tag }],
    });
  }
  return JSON.stringify({ value });
}

// Timed: what the run does with each page as it arrives (parse, map), then with the links and the listings.
let mapMs = 0;
const outlookContacts: OutlookContact[] = [];
for (let from = 0; from < count; from += 1000) {
  const text = graphPage(from);
  const pageStarted = performance.now();
  const answer = JSON.parse(text) as { value: GraphContact[] };
  for (const contact of answer.value) outlookContacts.push(toOutlookContact(contact));
  mapMs += performance.now() - pageStarted;
}
const started = performance.now();
const contactLinks = links.map(toContactLink);
links = [];
const mapped = performance.now();
let conflict = 0;
const plan = planContactChanges({
  environment, erpContacts, outlookContacts, links: contactLinks, conflicts: [],
  settings: { direction: 'two-way', policy: 'erp-wins' }, now: '2026-11-02T10:00:00.000Z', newId: () => `conflict-${(conflict += 1)}`,
});
const planned = performance.now();
mapMs += mapped - started;

console.log(JSON.stringify({
  contacts: count, operations: plan.operations.length, mapMs, planMs: planned - mapped, totalMs: mapMs + planned - mapped,
  rssBeforeMb, peakRssMb: process.resourceUsage().maxRSS / 1024,
}));
