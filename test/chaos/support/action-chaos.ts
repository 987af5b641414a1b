import { isDeepStrictEqual } from 'node:util';
import type { InspectedEvent, InspectedTask } from '../../../dev/m365/graph/inspect-mailbox-items';
import type { Microsoft365 } from '../../../dev/m365/start-microsoft-365';
import type { DemoErp } from '../../../server/erp/demo/open-demo-erp';
import type { ConflictRecord, Store, UserKey } from '../../../server/store/store';
import { ErpError, type ErpActor } from '../../../src/domain/erp-port';
import type { ActionInput, ActionPatch, ErpAction } from '../../../src/domain/erp-records';
import type { ConflictPolicy } from '../../../src/domain/sync-settings';
import type { GraphClient } from '../../../src/graph/create-graph-client';
import { eventProjection } from '../../../src/graph/events/event-projection';
import { toOutlookEvent } from '../../../src/graph/events/to-outlook-event';
import { mailboxPath, type Mailbox } from '../../../src/graph/mailbox-path';
import { toGraphDueDate } from '../../../src/graph/todo/to-graph-due-date';
import { toOutlookTask } from '../../../src/graph/todo/to-outlook-task';
import { SyncError } from '../../../src/sync/sync-error';
import { syncedTaskOf } from '../../../src/sync/tasks/synced-task-of';
import type { ActionCollection, ActionEdit, ActionEditKind, ActionField } from './action-edit';
import { expectedAction, type ExpectedAction } from './expected-action';

export interface ActionChaosWorld {
  environment: string;
  user: UserKey;
  actor: ErpActor;
  erp: DemoErp;
  store: Store;
  m365: Microsoft365;
  graph: { client: GraphClient; mailbox: Mailbox };
  /** Amélie's To Do list of synced tasks. */
  todoListName: string;
  /** The users' shared clock (ms), and the step each user edit moves it on. */
  now(): number;
  tick(): void;
}

/** Per collection: what happened and what the oracle found. */
export interface ActionCollectionFigures {
  erpEdits: number;
  outlookEdits: number;
  sameFieldEdits: number;
  reassigned: number;
  outlookDeletes: number;
  conflicts: number;
  /** Conflicts on record more than once with the same values. */
  repeatedConflicts: number;
  lostEdits: number;
}

const hour = 3_600_000;
const day = 24 * hour;
const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * day).toISOString().slice(0, 10);
const graphDateTime = (iso: string) => ({ dateTime: iso.slice(0, 19), timeZone: 'UTC' });

/** An action's fields as both sides compare them: the event's or the task's values of the ERP record. */
function erpValues(action: ErpAction, collection: ActionCollection): Record<ActionField, unknown> {
  if (collection === 'events') {
    const fields = eventProjection.fieldsOf(action);
    return { subject: fields.subject, notes: fields.notes, time: { start: fields.start, end: fields.end }, dueDate: undefined, status: undefined };
  }
  const task = syncedTaskOf(action);
  return { subject: task.subject, notes: task.notes, time: undefined, dueDate: task.dueDate, status: task.status };
}

/** The same values as Outlook holds them, read by the bridge's own Graph readers. */
function outlookValues(item: InspectedEvent | InspectedTask, collection: ActionCollection): Record<ActionField, unknown> {
  if (collection === 'events') {
    const { fields } = toOutlookEvent(item as InspectedEvent);
    return { subject: fields.subject, notes: fields.notes, time: { start: fields.start, end: fields.end }, dueDate: undefined, status: undefined };
  }
  const task = toOutlookTask(item as InspectedTask);
  return { subject: task?.title, notes: task?.notes, time: undefined, dueDate: task?.dueDate, status: task?.completed ? 'done' : 'planned' };
}

const fieldsOf: Record<ActionCollection, readonly ActionField[]> = { events: ['subject', 'notes', 'time'], tasks: ['subject', 'notes', 'dueDate'] };

/**
 * The action half of the chaos test: Amélie's ERP actions as events in her calendar and tasks in
 * her To Do list, edited on both sides between and during the seeded runs, and checked against
 * `expectedAction` after each policy's runs. Everything random comes from the test's seeded
 * `random`, so a seed replays the same edits.
 */
export function createActionChaos(world: ActionChaosWorld, random: () => number) {
  const { erp, actor, m365, graph } = world;
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  const editable: Record<ActionCollection, string[]> = { events: [], tasks: [] };
  const initial: string[] = [];
  /** Actions that must stay as they are in the ERP, with the status they had: those Amélie deleted in Outlook. */
  const outlookDeleted = new Map<string, { collection: ActionCollection; status: ErpAction['status'] }>();
  const reassigned = new Set<string>();
  const privateActions = new Set<string>();
  const ownPrivateSubjects: string[] = [];
  const figures: Record<ActionCollection, ActionCollectionFigures> = {
    events: { erpEdits: 0, outlookEdits: 0, sameFieldEdits: 0, reassigned: 0, outlookDeletes: 0, conflicts: 0, repeatedConflicts: 0, lostEdits: 0 },
    tasks: { erpEdits: 0, outlookEdits: 0, sameFieldEdits: 0, reassigned: 0, outlookDeletes: 0, conflicts: 0, repeatedConflicts: 0, lostEdits: 0 },
  };
  let otherOwnerId = '';

  const mailbox = () => m365.graph.admin.readMailbox(world.user.objectId);
  const todoListIds = () => new Set(mailbox().todoLists.filter((list) => list.displayName === world.todoListName).map((list) => list.id));
  const tagOf = (erpId: string) => `${world.environment}:${erpId}`;
  const eventsOf = (erpId: string) => mailbox().events.filter((event) => toOutlookEvent(event).tag === tagOf(erpId));
  const tasksOf = (erpId: string) => {
    const lists = todoListIds();
    return mailbox().tasks.filter((task) => lists.has(task.listId) && toOutlookTask(task)?.tag === tagOf(erpId));
  };
  const itemsOf = (erpId: string, collection: ActionCollection): (InspectedEvent | InspectedTask)[] => (collection === 'events' ? eventsOf(erpId) : tasksOf(erpId));
  const itemPath = (item: InspectedEvent | InspectedTask, collection: ActionCollection) =>
    collection === 'events' ? `${mailboxPath(graph.mailbox)}/events/${item.id ?? ''}` : `${mailboxPath(graph.mailbox)}/todo/lists/${(item as InspectedTask).listId}/tasks/${item.id ?? ''}`;

  /** Retries what a busy shared SQLite file or a stale version refuses, as a user would. */
  async function editErp(erpId: string, patch: Omit<ActionPatch, 'version'>): Promise<boolean> {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const record = await erp.getAction(erpId);
      if (!record) return false;
      try {
        await erp.updateAction(erpId, { ...patch, version: record.version }, actor);
        return true;
      } catch (error) {
        if (!(error instanceof ErpError)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    return false;
  }

  /** Amélie's write in Outlook; a fault she gives up on is no error (whether it landed is read back). */
  async function writeOutlook(method: 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<void> {
    try {
      await graph.client.request(method, path, body === undefined ? {} : { body });
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
    }
  }

  /** Synced actions both sides agree on: the only kind an edit's base is certain for. */
  async function inStep(collection: ActionCollection): Promise<Map<string, { action: ErpAction; item: InspectedEvent | InspectedTask }>> {
    const entity = collection === 'events' ? 'event' : 'task';
    const links = new Map((await world.store.links.listForUser(world.user, entity)).map((link) => [link.erpId, link]));
    const found = new Map<string, { action: ErpAction; item: InspectedEvent | InspectedTask }>();
    for (const erpId of editable[collection]) {
      const action = await erp.getAction(erpId);
      const link = links.get(erpId);
      const items = itemsOf(erpId, collection);
      const [item] = items;
      if (!action || link?.state !== 'active' || items.length !== 1 || !item || item.id !== link.outlookId) continue;
      const erpSide = erpValues(action, collection);
      const outlookSide = outlookValues(item, collection);
      if (fieldsOf[collection].every((field) => isDeepStrictEqual(erpSide[field], outlookSide[field])) && isDeepStrictEqual(erpSide.status, outlookSide.status)) {
        found.set(erpId, { action, item });
      }
    }
    return found;
  }

  /** The value each side writes to a field: unique per round and action, told apart by side. */
  function valueFor(field: ActionField, side: 'erp' | 'outlook', base: Record<ActionField, unknown>, label: string): unknown {
    switch (field) {
      case 'subject':
        return side === 'erp' ? `Asunto ${label} del ERP` : `Sujet ${label} d’Amélie`;
      case 'notes':
        return side === 'erp' ? `Nota ${label} del ERP` : `Note ${label} d’Amélie`;
      case 'time': {
        const { start, end } = base.time as { start: string; end: string };
        const shift = side === 'erp' ? day + hour : 2 * day - hour;
        return { start: new Date(Date.parse(start) + shift).toISOString(), end: new Date(Date.parse(end) + shift).toISOString() };
      }
      case 'dueDate': {
        const due = (base.dueDate as string | null) ?? '2027-01-15';
        return shiftDate(due, side === 'erp' ? 1 : 2);
      }
      case 'status':
        return 'done';
    }
  }

  async function writeErpField(erpId: string, field: ActionField, value: unknown): Promise<boolean> {
    if (field === 'time') return editErp(erpId, value as { start: string; end: string });
    if (field === 'dueDate') return editErp(erpId, { dueDate: value as string });
    return editErp(erpId, { [field]: value });
  }

  async function writeOutlookField(item: InspectedEvent | InspectedTask, collection: ActionCollection, field: ActionField, value: unknown): Promise<void> {
    const path = itemPath(item, collection);
    switch (field) {
      case 'subject':
        return writeOutlook('PATCH', path, collection === 'events' ? { subject: value } : { title: value });
      case 'notes':
        return writeOutlook('PATCH', path, { body: { contentType: 'text', content: value } });
      case 'time': {
        const { start, end } = value as { start: string; end: string };
        return writeOutlook('PATCH', path, { start: graphDateTime(start), end: graphDateTime(end) });
      }
      case 'dueDate':
        return writeOutlook('PATCH', path, { dueDateTime: toGraphDueDate(value as string) });
      case 'status':
        return writeOutlook('PATCH', path, { status: 'completed' });
    }
  }

  /** Whether Outlook holds `value` in `field` now. */
  const outlookHolds = (erpId: string, collection: ActionCollection, field: ActionField, value: unknown) => {
    const [item] = itemsOf(erpId, collection);
    return item !== undefined && isDeepStrictEqual(outlookValues(item, collection)[field], value);
  };

  async function makeEdit(kind: ActionEditKind, collection: ActionCollection, erpId: string, synced: { action: ErpAction; item: InspectedEvent | InspectedTask }, label: string): Promise<ActionEdit | undefined> {
    const edit: ActionEdit = { kind, collection, erpId };
    const base = erpValues(synced.action, collection);
    const fields = fieldsOf[collection];
    const erpSide = async (field: ActionField) => {
      world.tick();
      const at = world.now();
      const value = valueFor(field, 'erp', base, label);
      if (await writeErpField(erpId, field, value)) edit.erp = { field, value, at };
    };
    const outlookSide = async (field: ActionField) => {
      world.tick();
      const at = world.now();
      const value = valueFor(field, 'outlook', base, label);
      await writeOutlookField(synced.item, collection, field, value);
      if (outlookHolds(erpId, collection, field, value)) edit.outlook = { field, value, at };
    };
    const both = async (erpField: ActionField, outlookField: ActionField) => {
      if (random() < 0.5) {
        await erpSide(erpField);
        await outlookSide(outlookField);
      } else {
        await outlookSide(outlookField);
        await erpSide(erpField);
      }
    };
    switch (kind) {
      case 'erpOnly':
        await erpSide(pick(fields) ?? 'subject');
        break;
      case 'outlookOnly':
        await outlookSide(pick(fields) ?? 'subject');
        break;
      case 'differentFields': {
        const erpField = pick(fields) ?? 'subject';
        await both(erpField, pick(fields.filter((field) => field !== erpField)) ?? 'notes');
        break;
      }
      case 'sameField': {
        const field = pick(fields) ?? 'subject';
        await both(field, field);
        break;
      }
      case 'completed':
        if (collection === 'events') return undefined;
        if (random() < 0.5) await erpSide('status');
        else await outlookSide('status');
        break;
      case 'erpPrivate':
        if (collection === 'tasks' || !(await editErp(erpId, { private: true }))) return undefined;
        privateActions.add(erpId);
        editable.events = editable.events.filter((id) => id !== erpId);
        return undefined;
      case 'erpReassign':
        if (!(await editErp(erpId, { ownerId: otherOwnerId }))) return undefined;
        reassigned.add(erpId);
        editable[collection] = editable[collection].filter((id) => id !== erpId);
        figures[collection].reassigned += 1;
        return edit;
      case 'outlookDelete': {
        // A linked item only: one whose create lost its answer cannot be told from a create that never happened.
        await writeOutlook('DELETE', itemPath(synced.item, collection));
        if (itemsOf(erpId, collection).length) return undefined;
        outlookDeleted.set(erpId, { collection, status: synced.action.status });
        editable[collection] = editable[collection].filter((id) => id !== erpId);
        figures[collection].outlookDeletes += 1;
        edit.outlook = { field: 'subject', value: undefined, at: world.now() };
        return edit;
      }
    }
    if (edit.erp) figures[collection].erpEdits += 1;
    if (edit.outlook) figures[collection].outlookEdits += 1;
    if (kind === 'sameField' && edit.erp && edit.outlook) figures[collection].sameFieldEdits += 1;
    return edit.erp || edit.outlook ? edit : undefined;
  }

  /** Where the systems differ from the oracle for one edit: one line per field and side. */
  async function differences(edit: ActionEdit, expected: ExpectedAction): Promise<string[]> {
    const found: string[] = [];
    const action = await erp.getAction(edit.erpId);
    const items = itemsOf(edit.erpId, edit.collection);
    const where = `${edit.collection} ${edit.kind} ${edit.erpId}`;
    if (!action) found.push(`${where}: the ERP action is gone`);
    if (items.length !== (expected.inMailbox ? 1 : 0)) found.push(`${where}: ${items.length} items in the mailbox, expected ${expected.inMailbox ? 1 : 0}`);
    const erpSide = action ? erpValues(action, edit.collection) : undefined;
    const [item] = items;
    const outlookSide = item ? outlookValues(item, edit.collection) : undefined;
    for (const [field, value] of Object.entries(expected.erp) as [ActionField, unknown][]) {
      if (!isDeepStrictEqual(erpSide?.[field], value)) found.push(`${where} ERP.${field}: expected ${JSON.stringify(value)}, holds ${JSON.stringify(erpSide?.[field])}`);
    }
    for (const [field, value] of Object.entries(expected.outlook) as [ActionField, unknown][]) {
      if (!isDeepStrictEqual(outlookSide?.[field], value)) found.push(`${where} Outlook.${field}: expected ${JSON.stringify(value)}, holds ${JSON.stringify(outlookSide?.[field])}`);
    }
    return found;
  }

  const conflictField = (field: ActionField, collection: ActionCollection) => (field === 'time' && collection === 'events' ? 'time' : field);

  return {
    figures,
    /** Amélie's actions in the ERP, a salesperson to give some to, and her own private events, which sync must never read. */
    async seed(): Promise<void> {
      const erpUserId = actor.erpUserId ?? '';
      for (let id = 1; !otherOwnerId && id < 50; id += 1) {
        const user = await erp.getUser(String(id));
        if (user && user.id !== erpUserId) otherOwnerId = user.id;
      }
      const add = async (input: Partial<ActionInput> & Pick<ActionInput, 'subject'>) => {
        const created = await erp.createAction({ type: 'visit', allDay: false, timeZone: 'Europe/Paris', status: 'planned', private: false, ownerId: erpUserId, ...input }, actor);
        initial.push(created.id);
        return created;
      };
      const start = Date.parse('2026-12-20T08:00:00Z');
      for (let index = 0; index < 18; index += 1) {
        const at = new Date(world.now() + (3 + index) * day).toISOString().slice(0, 10);
        const begins = Date.parse(`${at}T${String(8 + (index % 8)).padStart(2, '0')}:30:00Z`);
        const visit = await add({ subject: `Visite ${index} chez le client`, notes: `Apporter le tarif ${index}`, start: new Date(begins).toISOString(), end: new Date(begins + hour).toISOString() });
        editable.events.push(visit.id);
      }
      for (let index = 0; index < 2; index += 1) {
        const visit = await add({ subject: `Visite privée ${index}`, private: true, start: new Date(start + index * day).toISOString(), end: new Date(start + index * day + hour).toISOString() });
        privateActions.add(visit.id);
      }
      for (let index = 0; index < 16; index += 1) {
        const due = index % 5 === 4 ? {} : { dueDate: new Date(world.now() + (2 + index) * day).toISOString().slice(0, 10) };
        const call = await add({ type: 'call', subject: `Appeler le client ${index}`, notes: `Demander le devis ${index}`, ...due });
        editable.tasks.push(call.id);
      }
      // Amélie's own events: one private she tags ERP, one she does not tag. Neither is ever read into the ERP.
      for (const [subject, body] of [[`Rendez-vous médical`, { sensitivity: 'private', categories: ['ERP'] }], [`Déjeuner en famille`, {}]] as const) {
        ownPrivateSubjects.push(subject);
        const begins = new Date(world.now() + 4 * day).toISOString();
        await graph.client.request('POST', `${mailboxPath(graph.mailbox)}/events`, {
          body: { subject, ...body, start: graphDateTime(begins), end: graphDateTime(new Date(Date.parse(begins) + hour).toISOString()) },
        });
      }
    },
    /** Edits of `count` actions of each collection not yet edited under this policy (`edited`). */
    async editSome(kinds: readonly ActionEditKind[], count: number, label: number, edited: Set<string>, edits: ActionEdit[]): Promise<void> {
      for (const collection of ['events', 'tasks'] as const) {
        const synced = await inStep(collection);
        for (let index = 0; index < count; index += 1) {
          const erpId = pick(editable[collection].filter((id) => synced.has(id) && !edited.has(id)));
          const kind = pick(kinds);
          const entry = erpId === undefined ? undefined : synced.get(erpId);
          if (!erpId || !kind || !entry) break;
          // Actions that leave the pool for good are kept for the last rounds' few.
          if ((kind === 'erpReassign' || kind === 'outlookDelete') && editable[collection].length <= 12) continue;
          edited.add(erpId);
          const edit = await makeEdit(kind, collection, erpId, entry, `${label}.${index}`);
          if (edit) edits.push(edit);
        }
      }
    },
    /** What the oracle finds wrong with `edits` after the runs, `decisions` being Amélie's choices of conflicts `manual` left to her. */
    async check(edits: readonly ActionEdit[], policy: ConflictPolicy, conflicts: readonly ConflictRecord[], status: 'open' | 'resolved', decisions?: Map<string, 'erp' | 'outlook'>): Promise<string[]> {
      const lost: string[] = [];
      for (const edit of edits) {
        const entity = edit.collection === 'events' ? 'event' : 'task';
        const decision = decisions?.get(`${entity}:${edit.erpId}`);
        if (decisions && !decision) continue;
        const expected = expectedAction(edit, policy, decision);
        const found = await differences(edit, expected);
        if (!decisions) {
          const recorded = conflicts.filter((conflict) => conflict.entity === entity && conflict.erpId === edit.erpId);
          const wanted = expected.conflict;
          if (!wanted && recorded.length) found.push(`${edit.collection} ${edit.kind} ${edit.erpId}: no conflict expected, recorded ${JSON.stringify(recorded.map(({ field, erpValue, outlookValue }) => ({ field, erpValue, outlookValue })))}`);
          if (wanted && !recorded.some((conflict) => conflict.field === conflictField(wanted.field, edit.collection) && conflict.status === status && conflict.resolution === wanted.resolution)) {
            found.push(`${edit.collection} ${edit.kind} ${edit.erpId}.${wanted.field}: conflict ${JSON.stringify(wanted)} not on record (${JSON.stringify(recorded)})`);
          }
        }
        figures[edit.collection].lostEdits += found.length;
        lost.push(...found);
      }
      return lost;
    },
    /** The end state: duplicates per collection, ERP actions deleted, and what no rule allows. */
    async finalCheck(): Promise<{ duplicates: Record<ActionCollection, number>; deletedErpRecords: number; broken: string[] }> {
      const broken: string[] = [];
      const countTags = (tags: (string | undefined)[]) => {
        const seen = tags.filter((tag): tag is string => tag !== undefined);
        return seen.length - new Set(seen).size;
      };
      const lists = todoListIds();
      const duplicates = {
        events: countTags(mailbox().events.map((event) => toOutlookEvent(event).tag)),
        tasks: countTags(mailbox().tasks.filter((task) => lists.has(task.listId)).map((task) => toOutlookTask(task)?.tag)),
      };
      let deletedErpRecords = 0;
      for (const erpId of initial) {
        const action = await erp.getAction(erpId);
        if (!action) {
          deletedErpRecords += 1;
          continue;
        }
        const deleted = outlookDeleted.get(erpId);
        if (deleted && action.status !== deleted.status) broken.push(`${erpId}: deleted in Outlook, its ERP status went from ${deleted.status} to ${action.status}`);
        if (reassigned.has(erpId) && (eventsOf(erpId).length || tasksOf(erpId).length)) broken.push(`${erpId}: given to another salesperson, still in Amélie's mailbox`);
        if (privateActions.has(erpId)) {
          const sensitivity = eventsOf(erpId).map((event) => event.sensitivity);
          if (!isDeepStrictEqual(sensitivity, ['private'])) broken.push(`${erpId}: a private action's event has sensitivity ${JSON.stringify(sensitivity)}`);
        }
      }
      const owned = await erp.listActions({ ownerId: actor.erpUserId ?? '', limit: 1_000 });
      for (const subject of ownPrivateSubjects) if (owned.items.some((action) => action.subject === subject)) broken.push(`Amélie's own event "${subject}" was read into the ERP`);
      return { duplicates, deletedErpRecords, broken };
    },
  };
}
