import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBridge, type TestBridge } from '../support/create-test-bridge';

const runs = 1_000;

/** Strings that have broken parsers before: markup, control characters, long, non-Latin, SQL. */
const nastyString = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom('<img src=x onerror=alert(1)>', "'; DROP TABLE contacts; --", '\u0000', 'José Núñez', '', ' ', 'a'.repeat(5_000), '../../etc/passwd'),
);
const email = fc.oneof(fc.emailAddress(), nastyString);
const isoDate = fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
const anyValue = fc.oneof(nastyString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.anything({ maxDepth: 2 }));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(fc.oneof(arbitrary, anyValue), { nil: undefined });

const contactBody = fc.record(
  { givenName: maybe(nastyString), surname: maybe(nastyString), emails: maybe(fc.array(email, { maxLength: 12 })), accountId: maybe(nastyString), notes: maybe(nastyString), version: maybe(fc.integer()) },
  { requiredKeys: [] },
);
const actionBody = fc.record(
  {
    type: maybe(fc.constantFrom('call', 'visit', 'meeting', 'email', 'task', 'note')), subject: maybe(nastyString), start: maybe(isoDate), end: maybe(isoDate),
    dueDate: maybe(isoDate.map((d) => d.slice(0, 10))), timeZone: maybe(fc.constantFrom('Europe/Madrid', 'America/Toronto', 'Mars/Olympus', 'UTC')),
    contactId: maybe(nastyString), private: maybe(fc.boolean()), version: maybe(fc.integer()),
  },
  { requiredKeys: [] },
);
const person = fc.record({ email, name: maybe(nastyString) });
/** Mostly well-formed, so that requests reach the ERP: a known contact's email, a fixed contact id. */
const knownPerson = fc.oneof(fc.constant({ email: 'ana.garcia@example.es', name: 'Ana' }), person);
const itemId = fc.oneof(fc.string({ minLength: 3, maxLength: 60 }), nastyString);
const logEmailBody = fc.record(
  {
    internetMessageId: fc.oneof(itemId, anyValue), subject: maybe(nastyString), from: fc.oneof(knownPerson, anyValue), to: maybe(fc.array(knownPerson, { maxLength: 5 })),
    sentAt: fc.oneof(isoDate, anyValue), bodyText: maybe(nastyString), contactId: maybe(fc.constantFrom('1', '4', '999999')),
  },
  { requiredKeys: ['internetMessageId', 'from', 'sentAt'] },
);
const logMeetingBody = fc.record(
  {
    iCalUId: fc.oneof(itemId, anyValue), subject: maybe(nastyString), start: fc.oneof(isoDate, anyValue), end: fc.oneof(isoDate, anyValue),
    timeZone: maybe(fc.constantFrom('Europe/Paris', 'Mars/Olympus')), attendees: maybe(fc.array(knownPerson, { maxLength: 5 })), contactId: maybe(fc.constantFrom('1', '999999')),
  },
  { requiredKeys: ['iCalUId', 'start', 'end'] },
);
const settingsBody = fc.record(
  { enabled: maybe(fc.boolean()), contactFolderId: maybe(nastyString), contacts: maybe(fc.constantFrom('erp-to-outlook', 'two-way', 'off')), conflicts: maybe(nastyString) },
  { requiredKeys: [] },
);

/** A body as JSON, or something that is not JSON at all. */
const asText = <T>(body: fc.Arbitrary<T>) => fc.oneof({ weight: 8, arbitrary: body.map((value) => JSON.stringify(value) ?? 'null') }, { weight: 1, arbitrary: fc.string() }, { weight: 1, arbitrary: fc.constant('{"a":') });

describe('write routes under property-based requests', () => {
  let bridge: TestBridge;
  beforeAll(async () => {
    bridge = await createTestBridge();
  });
  afterAll(() => bridge.close());

  const routes: { name: string; method: string; path: fc.Arbitrary<string>; body: fc.Arbitrary<string> }[] = [
    { name: 'POST /api/contacts', method: 'POST', path: fc.constant('/api/contacts'), body: asText(contactBody) },
    { name: 'PATCH /api/contacts/{id}', method: 'PATCH', path: fc.oneof(fc.constant('/api/contacts/c-1'), nastyString.map((id) => `/api/contacts/${encodeURIComponent(id)}`)), body: asText(contactBody) },
    { name: 'POST /api/actions', method: 'POST', path: fc.constant('/api/actions'), body: asText(actionBody) },
    { name: 'PATCH /api/actions/{id}', method: 'PATCH', path: fc.oneof(fc.constant('/api/actions/a-1'), nastyString.map((id) => `/api/actions/${encodeURIComponent(id)}`)), body: asText(actionBody) },
    { name: 'POST /api/log/email', method: 'POST', path: fc.constant('/api/log/email'), body: asText(logEmailBody) },
    { name: 'POST /api/log/meeting', method: 'POST', path: fc.constant('/api/log/meeting'), body: asText(logMeetingBody) },
    { name: 'PUT /api/me/settings', method: 'PUT', path: fc.constant('/api/me/settings'), body: asText(settingsBody) },
    { name: 'PUT /api/admin/users/{tenantId}/{objectId}/erp-user', method: 'PUT', path: fc.tuple(fc.oneof(fc.uuid(), nastyString), fc.oneof(fc.uuid(), nastyString)).map(([t, o]) => `/api/admin/users/${encodeURIComponent(t)}/${encodeURIComponent(o)}/erp-user`), body: asText(fc.record({ erpUserId: maybe(nastyString) })) },
  ];

  for (const route of routes) {
    it(`never answers 5xx to ${route.name}, and every error has { code, message }`, async () => {
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(route.path, route.body, async (path, body) => {
          const response = await bridge.request(path, { method: route.method, body, token: bridge.tokens.admin, headers: { 'content-type': 'application/json' } });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) {
            const error = (await response.json()) as { code: unknown; message: unknown };
            expect(typeof error.code).toBe('string');
            expect(typeof error.message).toBe('string');
          }
        }),
        { numRuns: runs, seed: 20261123 },
      );
      // The generators reach past validation too, not only into 400s.
      expect([...statuses.keys()].some((status) => status !== 400)).toBe(true);
    }, 120_000);
  }
});
