import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphPagingDefaults } from '../../../dev/m365/graph/graph-paging';
import type { ErpAction } from '../../../src/domain/erp-records';
import { formatErpTag } from '../../../src/domain/format-erp-tag';
import { createGraphTaskList } from '../../../src/graph/todo/create-graph-task-list';
import { listTasksPath } from '../../../src/graph/todo/todo-paths';
import { type GraphTodoTask, toOutlookTask } from '../../../src/graph/todo/to-outlook-task';
import { windowsTimeZoneOf } from '../../../src/graph/time-zones';
import { syncedTaskOf } from '../../../src/sync/tasks/synced-task-of';
import { taskContentOf } from '../../../src/sync/tasks/task-content-of';
import type { OutlookTask } from '../../../src/sync/tasks/outlook-task';
import { buildErpTaskAction } from '../../builders/build-erp-task-action';
import { type GatewayTest, startGatewayTest } from '../../src/graph/support/start-gateway-test';

/** An untimed ERP action and the zone of the mailbox it reaches (the ERP's zone is the action's). */
interface CorpusEntry {
  name: string;
  action: ErpAction;
  mailboxZone: string;
}

const entry = (name: string, mailboxZone: string, fields: Partial<ErpAction>): CorpusEntry => ({
  name, mailboxZone, action: buildErpTaskAction({ id: `T-${name.replace(/[^\w]+/g, '-')}`, ...fields }),
});

const longNotes = Array.from({ length: 400 }, (_, line) => `Línea ${line}: «comentario» del cliente, ñandú & <tag>`).join('\n');

const corpus: CorpusEntry[] = [
  entry('madrid spring forward', 'America/Montreal', { dueDate: '2026-03-29', timeZone: 'Europe/Madrid' }),
  entry('madrid fall back', 'America/Montreal', { dueDate: '2026-10-25', timeZone: 'Europe/Madrid' }),
  entry('montreal spring forward', 'Europe/Madrid', { dueDate: '2026-03-08', timeZone: 'America/Montreal' }),
  entry('montreal fall back', 'Australia/Sydney', { dueDate: '2026-11-01', timeZone: 'America/Montreal' }),
  entry('santiago dst end', 'Europe/Madrid', { dueDate: '2026-04-05', timeZone: 'America/Santiago' }),
  entry('santiago midnight skipped', 'America/Santiago', { dueDate: '2026-09-06', timeZone: 'Europe/Madrid' }),
  entry('sydney dst end', 'America/Montreal', { dueDate: '2026-04-05', timeZone: 'Australia/Sydney' }),
  entry('sydney dst start', 'Australia/Sydney', { dueDate: '2026-10-04', timeZone: 'America/Montreal' }),
  entry('year end', 'America/Montreal', { dueDate: '2026-12-31', timeZone: 'Europe/Madrid' }),
  entry('new year', 'Australia/Sydney', { dueDate: '2027-01-01', timeZone: 'America/Santiago' }),
  entry('leap day', 'America/Santiago', { dueDate: '2028-02-29', timeZone: 'Australia/Sydney' }),
  entry('completed', 'Europe/Madrid', { status: 'done' }),
  entry('cancelled', 'America/Montreal', { status: 'cancelled', dueDate: '2026-06-30' }),
  entry('private', 'Europe/Madrid', { private: true, subject: 'Revisión salarial' }),
  entry('reassigned', 'Europe/Madrid', { ownerId: 'U-2', subject: 'Pasada a otro comercial', version: 3 }),
  entry('accented', 'Europe/Madrid', { subject: 'Reunión con la Sra. Müller — café ☕ à Montréal', notes: 'Ñoño, façade, naïve, Łódź' }),
  entry('markup', 'America/Montreal', { subject: '<b>Oferta</b> & "precios" <script>alert(1)</script>', notes: '<img src=x onerror=alert(1)>\n&amp; &lt;no&gt; es HTML' }),
  entry('long notes', 'Europe/Madrid', { notes: longNotes }),
  entry('no due date', 'Australia/Sydney', { dueDate: undefined, notes: undefined }),
  entry('line breaks and tabs', 'America/Santiago', { notes: 'uno\r\ndos\n\ttres', dueDate: '2026-07-15' }),
];

let test: GatewayTest;
let fieldsChecked = 0;
beforeAll(async () => {
  test = await startGatewayTest({ emulator: { paging: { ...graphPagingDefaults, deltaMaxPageSize: 7 } }, syncRoles: true });
});
afterAll(async () => {
  await test.close();
  console.log('CORPUS_TASKS', JSON.stringify({ actions: corpus.length, fieldsChecked }));
});

/** One field compared, and counted. */
function check(actual: unknown, expected: unknown, what: string): void {
  expect(actual, what).toEqual(expected);
  fieldsChecked += 1;
}

function checkTask(task: OutlookTask | undefined, { name, action }: CorpusEntry, how: string): void {
  const expected = taskContentOf(syncedTaskOf(action));
  check(task?.title, expected.title, `${name}: title ${how}`);
  check(task?.notes, expected.notes, `${name}: notes ${how}`);
  check(task?.dueDate, expected.dueDate, `${name}: due date ${how}`);
  check(task?.completed, expected.completed, `${name}: completion ${how}`);
  check(task?.tag, formatErpTag('acme', action.id), `${name}: tag ${how}`);
}

describe('untimed ERP actions round-trip through To Do with every field intact', () => {
  it(`writes ${corpus.length} edge cases through the adapter and reads them back by listing, by delta, in the mailbox's zone and as To Do's app dates them`, async () => {
    const todo = createGraphTaskList(test.client, test.mailbox, { applicationName: 'ERP Bridge', recordUrl: (erpId) => `https://erp.acme.test/actions/${erpId}` });
    const target = { listId: (await todo.createList('ERP')).id };
    const answers = await todo.write(target, corpus.map(({ action }) => ({ kind: 'create' as const, content: taskContentOf(syncedTaskOf(action)), tag: formatErpTag('acme', action.id) })));
    expect(answers.every((answer) => answer.ok)).toBe(true);

    const listed = await todo.listTasks(target);
    const delta = await todo.readChanges(target, undefined);
    const raw = test.graph.emulator.admin.readMailbox(test.mailbox).tasks;
    for (const each of corpus) {
      const tag = formatErpTag('acme', each.action.id);
      checkTask(listed.find((task) => task.tag === tag), each, 'listed');
      checkTask(delta.changed.find((task) => task.tag === tag), each, 'by delta');

      const stored = raw.find((task) => task.linkedResources?.some((resource) => resource.externalId === tag));
      check(stored?.body?.contentType, 'text', `${each.name}: body stays text`);
      check(stored?.categories, ['ERP'], `${each.name}: category`);
      check(stored?.importance, 'normal', `${each.name}: importance`);
      check(stored?.linkedResources?.map(({ applicationName, webUrl }) => ({ applicationName, webUrl })), [{ applicationName: 'ERP Bridge', webUrl: `https://erp.acme.test/actions/${each.action.id}` }], `${each.name}: link to the ERP record`);

      // Read as the mailbox's zone shows it: the same date.
      const zone = windowsTimeZoneOf(each.mailboxZone) ?? 'UTC';
      const inZone = await test.client.request<GraphTodoTask>('GET', `${listTasksPath(test.mailbox, target.listId)}/${stored?.id ?? ''}?$expand=linkedResources`, { headers: { Prefer: `outlook.timezone="${zone}"` } });
      check(toOutlookTask(inZone)?.dueDate, each.action.dueDate ?? null, `${each.name}: due date read in ${each.mailboxZone}`);
    }

    // The user sets the same date again in the To Do app, which dates it at midnight in the mailbox's zone.
    for (const each of corpus.filter(({ action }) => action.dueDate !== undefined)) {
      const stored = raw.find((task) => task.linkedResources?.some((resource) => resource.externalId === formatErpTag('acme', each.action.id)));
      await test.client.request('PATCH', `${listTasksPath(test.mailbox, target.listId)}/${stored?.id ?? ''}`, {
        body: { dueDateTime: { dateTime: `${each.action.dueDate ?? ''}T00:00:00`, timeZone: each.mailboxZone } },
      });
    }
    const again = await todo.readChanges(target, delta.deltaLink);
    for (const each of corpus.filter(({ action }) => action.dueDate !== undefined)) {
      check(again.changed.find((task) => task.tag === formatErpTag('acme', each.action.id))?.dueDate, each.action.dueDate, `${each.name}: due date set in To Do in ${each.mailboxZone}`);
    }
    expect(corpus.length).toBeGreaterThanOrEqual(14);
  });
});
