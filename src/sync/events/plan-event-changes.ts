import { classifyAction } from '../../domain/classify-action';
import type { ErpAction } from '../../domain/erp-records';
import type { ConflictPolicy } from '../../domain/sync-settings';
import type { ErpActionChanges } from '../actions/erp-action-source';
import type { EventConflict } from './event-conflict';
import type { EventLink } from './event-link';
import type { ErpCreatePlan, EventPlan, EventRecordPlan } from './event-plan';
import type { EventProjection } from './event-projection';
import { type EventWindow, overlapsWindow } from './event-window';
import { mergeEventFields } from './merge-event-fields';
import { carriesErpCategory, isPrivateEvent, type OutlookEvent } from './outlook-event';
import type { EventMergeField, SyncedEvent } from './synced-event';

/** What Outlook's deletion of a synced event does to its action: nothing but stop syncing it, or cancel it too. */
export type OutlookDeleteRule = 'suppress' | 'cancel';

export interface EventPlanInput {
  environment: string;
  direction: 'erp-to-outlook' | 'two-way';
  policy: ConflictPolicy;
  outlookDelete: OutlookDeleteRule;
  /** The user lets events of their own that they tag `ERP` become actions (two-way only). */
  eventsFromOutlook: boolean;
  /** The run's time: it names the listing (for the two-listing rule) and dates conflicts and links. */
  now: string;
  /** Only actions that meet it get a new event; events already linked are kept up to date anywhere. */
  window: EventWindow;
  /** Every action in the mailbox's scope, of both kinds: a complete listing. */
  actions: readonly ErpAction[];
  /** Actions the ERP says were deleted or reassigned away. */
  tombstones: ReadonlySet<string>;
  links: readonly EventLink[];
  conflicts: readonly EventConflict[];
  /** Events read this run, by id (changed linked ones, ones carrying our category with their tags); a linked event not here is as its link left it. */
  events: ReadonlyMap<string, OutlookEvent>;
  /** Linked events that no longer exist. */
  goneIds: ReadonlySet<string>;
  projection: EventProjection;
  newId: () => string;
}

/** Two listings in a row must miss an action before its event goes (DESIGN §5). */
const missesBeforeRemoval = 2;

/** A copy nobody touched since it was made (a retried create) is a duplicate we may remove. */
const isUntouched = (event: OutlookEvent) => Math.abs(Date.parse(event.lastModifiedAt) - Date.parse(event.createdAt)) <= 1000;

const isSyncedAsEvent = (action: ErpAction | undefined): action is ErpAction => action !== undefined && classifyAction(action) === 'event' && action.status !== 'cancelled';

/** `<environment>:<erpId>:<version>`: the same create planned again (a retry, a run after a crash) sends the same one. */
const transactionIdOf = (tag: string, action: ErpAction) => `${tag}:${action.version}`;

function erpChangesOf(fields: SyncedEvent, toErp: readonly EventMergeField[], action: ErpAction, projection: EventProjection): ErpActionChanges {
  const changes: ErpActionChanges = {};
  for (const field of toErp) {
    if (field === 'time') Object.assign(changes, projection.erpTimesOf(fields, action.timeZone));
    else changes[field] = fields[field];
  }
  return changes;
}

function planCreate(input: EventPlanInput, action: ErpAction, tagged: readonly OutlookEvent[]): EventRecordPlan | undefined {
  const fields = input.projection.fieldsOf(action);
  const tag = `${input.environment}:${action.id}`;
  // A create whose answer was lost (or a resync after a 410) left our event: link the oldest instead of making another.
  const [kept] = tagged.toSorted((left, right) => left.createdAt.localeCompare(right.createdAt) || left.id.localeCompare(right.id));
  if (kept) {
    const adopted: EventLink = {
      erpId: action.id, outlookId: kept.id, state: 'active', missedListings: 0, updatedAt: input.now,
      snapshot: { fields: isPrivateEvent(kept) ? fields : kept.fields, changeKey: kept.changeKey, erpVersion: action.version },
    };
    return planLinked(input, action, adopted, kept) ?? { erpId: action.id, conflicts: [], link: { kind: 'save', link: adopted } };
  }
  if (!overlapsWindow(fields, input.window)) return undefined;
  return {
    erpId: action.id, conflicts: [],
    outlookWrite: { kind: 'create', fields, tag, transactionId: transactionIdOf(tag, action) },
    link: { kind: 'save', link: { erpId: action.id, outlookId: '', state: 'active', snapshot: { fields, changeKey: '', erpVersion: action.version }, missedListings: 0, updatedAt: input.now } },
  };
}

/**
 * Outlook's values of the fields a conflict holds back: the snapshot keeps the base of a field
 * waiting for the user (or settled by them since the link was saved) while its change key moves on,
 * so an unchanged event still holds the value its conflict recorded.
 */
function withHeldValues(base: SyncedEvent, conflicts: readonly EventConflict[], linkUpdatedAt: string): SyncedEvent {
  return conflicts
    .filter((conflict) => conflict.status === 'open' || (conflict.resolvedAt ?? '') > linkUpdatedAt)
    .reduce((fields, conflict) => (conflict.field === 'time' ? { ...fields, ...(conflict.outlookValue as Pick<SyncedEvent, 'start' | 'end' | 'allDay'>) } : { ...fields, [conflict.field]: conflict.outlookValue }), base);
}

/** A linked, active action whose event still exists: merge both sides against the snapshot. */
function planLinked(input: EventPlanInput, action: ErpAction, link: EventLink, event: OutlookEvent | undefined): EventRecordPlan | undefined {
  const base = link.snapshot.fields;
  const changedInOutlook = event !== undefined && event.changeKey !== link.snapshot.changeKey;
  const conflicts = input.conflicts.filter((conflict) => conflict.erpId === action.id);
  // A private event's content never reaches the ERP: read as if unchanged.
  const outlook = changedInOutlook && !isPrivateEvent(event) ? event.fields : withHeldValues(base, conflicts, link.updatedAt);
  const merge = mergeEventFields({
    erpId: action.id, base, erp: input.projection.fieldsOf(action), outlook, direction: input.direction, policy: input.policy,
    erpUpdatedAt: action.updatedAt, outlookUpdatedAt: event?.lastModifiedAt ?? link.updatedAt,
    conflicts, linkUpdatedAt: link.updatedAt, now: input.now, newId: input.newId,
  });
  const changeKey = event?.changeKey ?? link.snapshot.changeKey;
  const next: EventLink = { ...link, snapshot: { fields: merge.fields, changeKey, erpVersion: action.version }, missedListings: 0, updatedAt: input.now };
  const unchanged = JSON.stringify({ ...link, updatedAt: '' }) === JSON.stringify({ ...next, updatedAt: '' });
  if (unchanged && merge.conflicts.length === 0) return undefined;
  return {
    erpId: action.id,
    conflicts: merge.conflicts,
    ...(merge.toErp.length ? { erpWrite: { changes: erpChangesOf(merge.fields, merge.toErp, action, input.projection), version: action.version } } : {}),
    ...(merge.toOutlook.length ? { outlookWrite: { kind: 'update' as const, outlookId: link.outlookId, changeKey, fields: merge.fields, changed: merge.toOutlook } } : {}),
    link: { kind: 'save', link: next },
  };
}

function planRecordWrites(input: EventPlanInput, erpId: string, action: ErpAction | undefined, link: EventLink | undefined, tagged: readonly OutlookEvent[]): EventRecordPlan | undefined {
  const isEvent = isSyncedAsEvent(action) && !input.tombstones.has(erpId);
  if (link === undefined) return isEvent ? planCreate(input, action, tagged) : undefined;
  if (link.state === 'suppressed') {
    if (action === undefined || input.tombstones.has(erpId)) return { erpId, conflicts: [], link: { kind: 'remove' } };
    // The user deleted the event; a later change of the action brings it back.
    return isEvent && action.version !== link.snapshot.erpVersion ? planCreate(input, action, tagged) : undefined;
  }
  if (input.goneIds.has(link.outlookId)) {
    if (!isEvent) return { erpId, conflicts: [], link: { kind: 'remove' } };
    const cancel = input.outlookDelete === 'cancel' && input.direction === 'two-way';
    return {
      erpId, conflicts: [],
      ...(cancel ? { erpWrite: { changes: { status: 'cancelled' as const }, version: action.version } } : {}),
      link: { kind: 'save', link: { ...link, state: 'suppressed', snapshot: { ...link.snapshot, erpVersion: action.version }, updatedAt: input.now } },
    };
  }
  if (action === undefined && !input.tombstones.has(erpId)) {
    // Missed by this listing: the event goes after the second miss in a row.
    const missedListings = link.missedListings + 1;
    if (missedListings < missesBeforeRemoval) return { erpId, conflicts: [], link: { kind: 'save', link: { ...link, missedListings, updatedAt: input.now } } };
  }
  if (!isEvent) return { erpId, conflicts: [], outlookWrite: { kind: 'remove', outlookId: link.outlookId }, link: { kind: 'remove' } };
  return planLinked(input, action, link, input.events.get(link.outlookId));
}

/**
 * The user's own events they tagged `ERP` (no tag of ours or anyone's, not private), as actions to
 * make: a meeting with the event's subject, notes and times. The key is the one logging the
 * meeting from the pane uses, so a meeting both logged and tagged is one action.
 */
function planErpCreates(input: EventPlanInput, linkedIds: ReadonlySet<string>): ErpCreatePlan[] {
  if (!input.eventsFromOutlook || input.direction !== 'two-way') return [];
  const creates: ErpCreatePlan[] = [];
  for (const event of input.events.values()) {
    if (linkedIds.has(event.id) || event.tag !== undefined || !event.iCalUId || !carriesErpCategory(event) || isPrivateEvent(event)) continue;
    const { fields } = event;
    creates.push({
      outlookId: event.id, changeKey: event.changeKey, sourceKey: `${input.environment}:meeting:${event.iCalUId}`,
      input: {
        type: 'meeting', subject: fields.subject, ...(fields.notes === '' ? {} : { notes: fields.notes }),
        ...input.projection.erpTimesOf(fields, fields.timeZone), timeZone: fields.timeZone, status: 'planned', private: false,
      },
    });
  }
  return creates.toSorted((left, right) => left.outlookId.localeCompare(right.outlookId));
}

/** The record's writes, and the removal of copies of its event nobody touched (retried creates) besides the one it keeps. */
function planRecord(input: EventPlanInput, erpId: string, action: ErpAction | undefined, link: EventLink | undefined, tagged: readonly OutlookEvent[]): EventRecordPlan | undefined {
  const record = planRecordWrites(input, erpId, action, link, tagged);
  const keptId = record?.link?.kind === 'save' ? record.link.link.outlookId : link?.outlookId;
  const duplicates = tagged.filter((event) => event.id !== keptId && isUntouched(event)).map((event) => event.id);
  if (duplicates.length === 0) return record;
  return { erpId, conflicts: [], ...record, removeDuplicates: duplicates };
}

/**
 * The event collection's plan (docs/event-sync.md): for each action in scope, each link and each
 * tombstone, what to create, update or remove in the calendar, what to write back to the ERP, and
 * the link it leaves. Pure: time and new ids are given; records come sorted by ERP id.
 *
 * @example planEventChanges({ ...input, actions: [visit], links: [] }).records[0]?.outlookWrite?.kind // 'create'
 */
export function planEventChanges(input: EventPlanInput): EventPlan {
  const actions = new Map(input.actions.map((action) => [action.id, action]));
  const links = new Map(input.links.map((link) => [link.erpId, link]));
  const linkedIds = new Set(input.links.map((link) => link.outlookId));
  const prefix = `${input.environment}:`;
  const tagged = new Map<string, OutlookEvent[]>();
  for (const event of input.events.values()) {
    if (linkedIds.has(event.id) || !event.tag?.startsWith(prefix)) continue;
    const erpId = event.tag.slice(prefix.length);
    tagged.set(erpId, [...(tagged.get(erpId) ?? []), event]);
  }
  const erpIds = [...new Set([...actions.keys(), ...links.keys(), ...input.tombstones])].toSorted();
  const records: EventRecordPlan[] = [];
  for (const erpId of erpIds) {
    const record = planRecord(input, erpId, actions.get(erpId), links.get(erpId), tagged.get(erpId) ?? []);
    if (record) records.push(record);
  }
  return { records, erpCreates: planErpCreates(input, linkedIds) };
}
