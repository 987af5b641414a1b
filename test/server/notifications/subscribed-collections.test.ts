import { describe, expect, it } from 'vitest';
import { defaultSyncSettings, type SyncSettings } from '../../../src/domain/sync-settings';
import { subscribedCollections } from '../../../server/notifications/subscribed-collections';

const mailbox = 'b3c1a2d4-0000-4000-8000-000000000001';
const on: SyncSettings = { ...defaultSyncSettings, enabled: true, contactFolderId: 'AAMkFolder=', actionsEnabled: true };
const collection = (name: string) => {
  const found = subscribedCollections.find((entry) => entry.name === name);
  if (!found) throw new Error(`no collection ${name}`);
  return found;
};
const resources = (settings: SyncSettings, known: { taskListId?: string } = { taskListId: 'AAMkList-1=' }) =>
  Object.fromEntries(subscribedCollections.map((entry) => [entry.name, entry.resourceOf(mailbox, settings, known)]));

describe('the collections Graph notifies the bridge of', () => {
  it('watches the primary calendar’s events, and the To Do list the task run uses', () => {
    expect(resources(on)).toEqual({
      contacts: `/users/${mailbox}/contactFolders/AAMkFolder=/contacts`,
      events: `/users/${mailbox}/events`,
      tasks: `/users/${mailbox}/todo/lists/AAMkList-1=/tasks`,
    });
  });

  it('watches a dedicated calendar’s events when the user chose one', () => {
    expect(resources({ ...on, actionsCalendarId: 'AAMkCalendar-2=' }).events).toBe(`/users/${mailbox}/calendars/AAMkCalendar-2=/events`);
  });

  it('watches no To Do list before a run has found or created it', () => {
    expect(resources(on, {}).tasks).toBeUndefined();
  });

  it.each([
    ['actions off', { actionsEnabled: false }, ['contacts']],
    ['sync off', { enabled: false }, []],
    ['events off', { events: 'off' }, ['contacts', 'tasks']],
    ['tasks off', { tasks: 'off' }, ['contacts', 'events']],
    ['events one-way from the ERP', { events: 'erp-to-outlook' }, ['contacts', 'events', 'tasks']],
  ] as const)('with %s, watches only what the runs sync', (_, change, watched) => {
    const chosen = Object.entries(resources({ ...on, ...change })).filter(([, resource]) => resource !== undefined).map(([name]) => name);
    expect(chosen).toEqual(watched);
  });

  it('asks for the documented maximum lifetimes and lifecycle events: To Do tasks 4,230 minutes and reauthorization only', () => {
    expect(collection('events')).toMatchObject({ maximumLifetimeMinutes: 10_080, lifecycleEvents: ['reauthorizationRequired', 'subscriptionRemoved', 'missed'] });
    expect(collection('tasks')).toMatchObject({ maximumLifetimeMinutes: 4_230, lifecycleEvents: ['reauthorizationRequired'] });
  });
});
