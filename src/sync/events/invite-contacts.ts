import type { ErpAction } from '../../domain/erp-records';
import type { EventPlan } from './event-plan';

/**
 * When the environment lets sync invite (`sync.inviteAttendees`), the event creates of `plan`
 * carry the ERP contact of their action as attendee, so Outlook sends them the invitation. Only
 * creates: Graph replaces the whole attendee list on a PATCH, so updates never send attendees and
 * whoever the user invites in Outlook stays. Only planned actions that have not ended by `now`: a
 * first run never invites a customer to a visit of last month, nor to one already done.
 *
 * @example const invited = await inviteContacts(plan, actions, now, (contactId) => erp.contactEmailOf(contactId));
 */
export async function inviteContacts(
  plan: EventPlan,
  actions: readonly ErpAction[],
  now: string,
  contactEmailOf: (contactId: string) => Promise<string | undefined>,
): Promise<EventPlan> {
  const byId = new Map(actions.map((action) => [action.id, action]));
  const records = [];
  for (const record of plan.records) {
    const write = record.outlookWrite;
    const action = byId.get(record.erpId);
    const invites = write?.kind === 'create' && action?.contactId !== undefined && action.status === 'planned' && Date.parse(write.fields.end) > Date.parse(now);
    const attendee = invites && action.contactId !== undefined ? await contactEmailOf(action.contactId) : undefined;
    records.push(attendee === undefined || write?.kind !== 'create' ? record : { ...record, outlookWrite: { ...write, attendee } });
  }
  return { ...plan, records };
}
