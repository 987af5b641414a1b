import type { Event } from '@microsoft/microsoft-graph-types';
import { describe, expect, it } from 'vitest';
import { expandErpId } from '../../../src/graph/erp-id-property';
import { mailboxPath } from '../../../src/graph/mailbox-path';
import { readAllPages } from '../../../src/graph/read-all-pages';
import { runEventCollection } from '../../../server/jobs/run-event-collection';
import { mailboxes, useSyncWorlds } from './support/start-sync-world';

const worlds = useSyncWorlds();
const lucia = mailboxes.lucia;

describe('a mailbox run with events on, through the contact sync service', () => {
  it("puts Lucía's ERP visit in her calendar, then finds nothing to do", async () => {
    const sync = await worlds.start({ contacts: 5, service: { actionCollections: { events: runEventCollection } } });
    const saved = await sync.store.settings.get(lucia.user);
    if (!saved) throw new Error('the world saved no settings');
    await sync.store.settings.put(lucia.user, { ...saved, actionsEnabled: true, events: 'two-way' }, new Date().toISOString());
    const erp = sync.erps.contoso;
    const owner = await erp.findUserByEmail(lucia.email);
    const start = Date.now() + 3 * 86_400_000;
    const visit = await erp.createAction({ type: 'visit', subject: 'Visita a Ferretería Núñez', allDay: false, timeZone: 'Europe/Madrid', status: 'planned', private: false, ownerId: owner?.id, start: new Date(start).toISOString(), end: new Date(start + 3_600_000).toISOString() }, { email: lucia.email });

    const first = await sync.run('lucia');
    const second = await sync.run('lucia');
    const { client, mailbox } = sync.outlook('lucia');
    const events = await readAllPages<Event>(client, `${mailboxPath(mailbox)}/calendar/events?$expand=${encodeURIComponent(expandErpId)}`);

    expect(first.status).toBe('succeeded');
    expect(first.report).toMatchObject({ collections: { events: { outcome: 'succeeded', applied: { outlookCreated: 1 } } } });
    expect(events.map((event) => [event.subject, event.singleValueExtendedProperties?.[0]?.value])).toEqual([['Visita a Ferretería Núñez', `contoso:${visit.id}`]]);
    expect(second.report).toMatchObject({ collections: { events: { outcome: 'succeeded', quiet: true } } });
  });
});
