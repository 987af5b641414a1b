import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../server/config/load-config';

const environment = {
  environment: 'acme',
  tenantId: '11111111-2222-3333-4444-555555555555',
  applicationId: '66666666-7777-8888-9999-000000000000',
  erp: { adapter: 'demo' },
};
const allDirections = ['erp-to-outlook', 'two-way', 'off'];
const allPolicies = ['erp-wins', 'outlook-wins', 'newest', 'manual'];

const syncOf = (sync: unknown) => {
  const parsed = parseConfig({ environments: [{ ...environment, sync }] }).environments[0];
  if (!parsed) throw new Error('no environment parsed');
  return parsed.sync;
};
const messageOf = (sync: unknown) => {
  try {
    syncOf(sync);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
};

describe("an environment's sync block", () => {
  it('allows every direction and conflict policy when it is left out, contacts one way and actions both ways by default', () => {
    expect(syncOf(undefined)).toEqual({
      contacts: { directions: allDirections, conflicts: allPolicies, defaultDirection: 'erp-to-outlook', defaultConflicts: 'erp-wins' },
      events: { directions: allDirections, conflicts: allPolicies, defaultDirection: 'two-way', defaultConflicts: 'erp-wins' },
      tasks: { directions: allDirections, conflicts: allPolicies, defaultDirection: 'two-way', defaultConflicts: 'erp-wins' },
      inviteAttendees: false,
      eventOutlookDelete: 'suppress',
      taskOutlookDelete: 'suppress',
    });
  });

  it('lets deleting a synced event in Outlook cancel its action when events.outlookDelete says so, and refuses other values', () => {
    expect(syncOf({ events: { outlookDelete: 'cancel', defaultDirection: 'two-way' } })).toMatchObject({ eventOutlookDelete: 'cancel', events: { defaultDirection: 'two-way' } });
    expect(messageOf({ events: { outlookDelete: 'delete' } })).toContain('outlookDelete');
    expect(messageOf({ contacts: { outlookDelete: 'cancel' } })).toContain('outlookDelete');
  });

  it('lets deleting a synced task in To Do cancel its action when tasks.outlookDelete says so, apart from events, and refuses other values', () => {
    expect(syncOf({ tasks: { outlookDelete: 'cancel' } })).toMatchObject({ taskOutlookDelete: 'cancel', eventOutlookDelete: 'suppress' });
    expect(syncOf({ events: { outlookDelete: 'cancel' } })).toMatchObject({ taskOutlookDelete: 'suppress', eventOutlookDelete: 'cancel' });
    expect(messageOf({ tasks: { outlookDelete: 'delete' } })).toContain('outlookDelete');
  });

  it('reads the older shape as the defaults, every value still allowed, as it always was', () => {
    const sync = syncOf({ contacts: 'two-way', actions: 'off', conflicts: 'manual', inviteAttendees: true });
    expect(sync.contacts).toEqual({ directions: allDirections, conflicts: allPolicies, defaultDirection: 'two-way', defaultConflicts: 'manual' });
    expect(sync.events).toEqual({ directions: allDirections, conflicts: allPolicies, defaultDirection: 'off', defaultConflicts: 'manual' });
    expect(sync.tasks).toEqual(sync.events);
    expect(sync.inviteAttendees).toBe(true);
  });

  it('reads per collection the allowed values, in the product’s order, and the defaults', () => {
    const sync = syncOf({
      contacts: { directions: ['two-way', 'erp-to-outlook'], conflicts: ['manual', 'erp-wins'], defaultDirection: 'two-way', defaultConflicts: 'manual' },
      tasks: { directions: ['off'] },
    });
    expect(sync.contacts).toEqual({ directions: ['erp-to-outlook', 'two-way'], conflicts: ['erp-wins', 'manual'], defaultDirection: 'two-way', defaultConflicts: 'manual' });
    // A default left out is the usual one when allowed, otherwise the first allowed value.
    expect(sync.tasks).toEqual({ directions: ['off'], conflicts: allPolicies, defaultDirection: 'off', defaultConflicts: 'erp-wins' });
    expect(sync.events.directions).toEqual(allDirections);
  });

  it('mixes the shapes: the older contacts direction beside new events and tasks', () => {
    const sync = syncOf({ contacts: 'two-way', events: { directions: ['erp-to-outlook'] } });
    expect(sync.contacts.defaultDirection).toBe('two-way');
    expect(sync.events).toMatchObject({ directions: ['erp-to-outlook'], defaultDirection: 'erp-to-outlook' });
  });

  it('refuses a default outside the allowed values at start, naming the key, the value and the allowed ones', () => {
    const message = messageOf({ contacts: { directions: ['erp-to-outlook', 'off'], defaultDirection: 'two-way' } });
    expect(message).toContain('environments[0].sync.contacts.defaultDirection');
    expect(message).toContain('"two-way" is not allowed (allowed: erp-to-outlook, off)');
    expect(messageOf({ tasks: { conflicts: ['erp-wins'], defaultConflicts: 'newest' } })).toContain('environments[0].sync.tasks.defaultConflicts: the default must be one of the allowed conflict policies: "newest" is not allowed (allowed: erp-wins)');
  });

  it('refuses an empty list, an unknown value, an unknown key and the older actions beside the newer events', () => {
    expect(messageOf({ events: { directions: [] } })).toContain('environments[0].sync.events.directions: at least one direction must be allowed');
    expect(messageOf({ contacts: { directions: ['sideways'] } })).toContain('environments[0].sync.contacts');
    expect(messageOf({ events: { direction: 'two-way' } })).toContain('environments[0].sync.events');
    expect(messageOf({ actions: 'two-way', events: { directions: ['off'] } })).toContain('"actions" (the older shape) and "events" cannot both be set');
  });
});
