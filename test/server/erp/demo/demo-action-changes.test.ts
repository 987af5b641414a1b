import { afterEach, describe, expect, it } from 'vitest';
import type { ErpActor } from '../../../../src/domain/erp-port';
import type { DemoErp } from '../../../../server/erp/demo/open-demo-erp';
import { openDemoErp } from '../../../../server/erp/demo/open-demo-erp';
import { demoUserRow } from '../../../../server/erp/demo/demo-rows';

const actor: ErpActor = { erpUserId: '1', email: 'ana@contoso.example' };

describe("the demo ERP's action change feed", () => {
  let erp: DemoErp;

  afterEach(async () => {
    await erp.close();
  });

  it('never skips a write made in the same millisecond as the cursor, or by a clock that stepped back', async () => {
    let clock = Date.parse('2026-03-02T09:00:00.000Z');
    erp = await openDemoErp({ file: ':memory:', now: () => new Date(clock) });
    await erp.database.insertInto('erp_users').values([demoUserRow(1, 'ana@contoso.example', 'Ana')]).execute();
    const task = (subject: string) => erp.createAction({ type: 'task', subject, allDay: false, timeZone: 'UTC', status: 'planned', private: false }, actor);
    const first = await task('first');
    const { nextCursor } = await erp.actionChanges(undefined, 10, { erpUserId: '1' });
    const sameMillisecond = await task('same millisecond');
    clock -= 60_000;
    const earlier = await erp.updateAction(first.id, { version: first.version, status: 'done' }, actor);
    const feed = await erp.actionChanges(nextCursor, 1, { erpUserId: '1' });
    const rest = await erp.actionChanges(feed.nextCursor, 1, { erpUserId: '1' });
    expect([...feed.items, ...rest.items].map((action) => action.id)).toEqual([sameMillisecond.id, earlier.id]);
    expect(Date.parse(earlier.updatedAt)).toBeGreaterThan(Date.parse(sameMillisecond.updatedAt));
  });
});
