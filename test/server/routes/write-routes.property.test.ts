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
/** Names that are keys of every JavaScript object: a look-up by name must not find them. */
const prototypeKey = fc.constantFrom('constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'prototype', 'toLocaleString');
const pathValue = fc.oneof(prototypeKey, nastyString, fc.integer({ min: -5, max: 10_000 }).map(String));
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
    { name: 'PATCH /api/contacts/{id}', method: 'PATCH', path: fc.oneof(fc.constant('/api/contacts/c-1'), pathValue.map((id) => `/api/contacts/${encodeURIComponent(id)}`)), body: asText(contactBody) },
    { name: 'POST /api/actions', method: 'POST', path: fc.constant('/api/actions'), body: asText(actionBody) },
    { name: 'PATCH /api/actions/{id}', method: 'PATCH', path: fc.oneof(fc.constant('/api/actions/a-1'), pathValue.map((id) => `/api/actions/${encodeURIComponent(id)}`)), body: asText(actionBody) },
    { name: 'POST /api/log/email', method: 'POST', path: fc.constant('/api/log/email'), body: asText(logEmailBody) },
    { name: 'POST /api/log/meeting', method: 'POST', path: fc.constant('/api/log/meeting'), body: asText(logMeetingBody) },
    { name: 'PUT /api/me/settings', method: 'PUT', path: fc.constant('/api/me/settings'), body: asText(settingsBody) },
    { name: 'PUT /api/admin/users/{tenantId}/{objectId}/erp-user', method: 'PUT', path: fc.tuple(fc.oneof(fc.uuid(), pathValue), fc.oneof(fc.uuid(), pathValue)).map(([t, o]) => `/api/admin/users/${encodeURIComponent(t)}/${encodeURIComponent(o)}/erp-user`), body: asText(fc.record({ erpUserId: maybe(nastyString) })) },
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

  /** A response that is not a 5xx, and an error in the one shape; the status of each answer is counted. */
  async function expectNo5xx(response: Response, statuses: Map<number, number>) {
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    expect(response.status).toBeLessThan(500);
    if (response.status >= 400 && response.headers.get('content-type')?.includes('json')) {
      const error = (await response.json()) as { code: unknown; message: unknown };
      expect(typeof error.code).toBe('string');
      expect(typeof error.message).toBe('string');
    } else await response.arrayBuffer();
  }

  it('never answers 5xx to any route of /openapi.json with path parameters, prototype keys among them', async () => {
    const document = (await (await bridge.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const templated = Object.entries(document.paths)
      .filter(([path]) => path.includes('{'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
    expect(templated.length).toBeGreaterThanOrEqual(9);
    for (const route of templated) {
      const statuses = new Map<number, number>();
      const slots = route.path.match(/\{\w+\}/g)?.length ?? 0;
      await fc.assert(
        fc.asyncProperty(fc.array(pathValue, { minLength: slots, maxLength: slots }), asText(fc.anything({ maxDepth: 2 })), async (values, body) => {
          let index = 0;
          const path = route.path.replace(/\{\w+\}/g, () => encodeURIComponent(values[index++] ?? ''));
          const withBody = route.method !== 'GET';
          const response = await bridge.request(path, { method: route.method, token: bridge.tokens.admin, ...(withBody ? { body, headers: { 'content-type': 'application/json' } } : {}) });
          await expectNo5xx(response, statuses);
        }),
        { numRuns: runs, seed: 20261206 },
      );
    }
  }, 600_000);

  it('never answers 5xx to the /docs routes, signed in or not, whatever the asset name', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(''), pathValue.map((name) => `/${encodeURIComponent(name)}`), fc.constantFrom('/swagger-ui.css', '/start-api-page.js')), fc.boolean(), async (suffix, signedIn) => {
        const response = await bridge.request(`/docs${suffix}`, signedIn ? { token: bridge.tokens.inigo } : {});
        await expectNo5xx(response, statuses);
      }),
      { numRuns: runs, seed: 20261206 },
    );
    expect(statuses.get(404)).toBeGreaterThan(0);
    expect(statuses.get(200)).toBeGreaterThan(0);
  }, 120_000);
});
