import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunRecord } from '../../../server/store/store';
import { createTestDatabase } from '../../support/postgres-database';
import { startBridgeFleet, type BridgeFleet, type FleetMailbox, type FleetRun } from '../../support/start-bridge-fleet';
import { duplicatedTags, toFolderContact } from './support/start-sync-world';

const mailboxCount = 100;
const erpContacts = 30;
const runLeaseSeconds = 6;
const takeoverLimitMs = 120_000;

let fleet: BridgeFleet | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
afterEach(async () => {
  await fleet?.close();
  fleet = undefined;
  await dropDatabase?.();
  dropDatabase = undefined;
});

interface PassJob {
  startedOn: Date;
  completedOn: Date;
  createdOn: Date;
}

/** The schedule's passes the bridges carried out, oldest first. */
async function completedPasses(url: string): Promise<PassJob[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ started_on: Date; completed_on: Date; created_on: Date }>(
      `SELECT started_on, completed_on, created_on FROM pgboss.job WHERE name = 'contact-sync-pass' AND state = 'completed' ORDER BY created_on`,
    );
    return rows.map((row) => ({ startedOn: row.started_on, completedOn: row.completed_on, createdOn: row.created_on }));
  } finally {
    await client.end();
  }
}

async function contactRunsOf(fleetNow: BridgeFleet, mailbox: FleetMailbox): Promise<RunRecord[]> {
  return (await fleetNow.store.runs.listForUser(mailbox.user, 50)).filter((run) => run.kind === 'contacts');
}

describe('three bridge processes sharing one PostgreSQL store', () => {
  it('sync each of 100 mailboxes once a pass, and finish a SIGKILLed bridge’s mailboxes on the others within 2 minutes with no duplicate', async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    const started = await startBridgeFleet({ storeUrl: database.url, mailboxes: mailboxCount, contacts: erpContacts, intervalMinutes: 1, runLeaseSeconds, maxConcurrentRuns: 4 });
    fleet = started;
    const { admin } = started.m365.graph;
    const expectedTags = await started.expectedTags();
    const byObjectId = new Map(started.mailboxes.map((mailbox) => [mailbox.user.objectId, mailbox]));
    const mailboxOf = (run: FleetRun) => {
      const mailbox = byObjectId.get(run.objectId);
      if (!mailbox) throw new Error(`run ${run.runId} of an unknown mailbox`);
      return mailbox;
    };
    // Each Graph request takes a while, so a run spans many of them and a bridge is caught half way.
    admin.setLatencyMs(40);
    // The mailboxes of the runs caught half way are frozen until the kill: their runs cannot end before it.
    let frozen: ReadonlySet<string> | undefined;
    const held: (() => void)[] = [];
    admin.interceptRequests(async (request, serve) => {
      if (frozen && request.mailboxId && frozen.has(request.mailboxId)) await new Promise<void>((resolve) => held.push(resolve));
      await serve();
    });

    const [victim, ...survivors] = await Promise.all(['first', 'second', 'third'].map((name) => started.startBridge(name)));
    if (!victim) throw new Error('no bridge');
    // The first pass is the cron's next minute; the first bridge is killed while a run of it has written part of a mailbox.
    const halfWay = await vi.waitFor(
      () => {
        const runs = victim.inFlight().filter((run) => {
          const written = started.folderContacts(mailboxOf(run)).length;
          return written > 0 && written < expectedTags.size;
        });
        if (runs.length === 0) throw new Error('no run of the first bridge half way yet');
        frozen = new Set(runs.map((run) => run.objectId));
        return runs;
      },
      { timeout: 100_000, interval: 25 },
    );
    await victim.kill();
    const killedAt = Date.now();
    // What the dead bridge had sent still lands (its answers are lost), as on a real network.
    frozen = undefined;
    for (const release of held.splice(0)) release();

    // The runs the kill interrupted finish on the others, under their own run ids, within the limit.
    const survivorRuns = () => survivors.flatMap((bridge) => bridge.runs);
    const resumed = await vi.waitFor(
      () => {
        const runs = halfWay.map((run) => survivorRuns().find((other) => other.runId === run.runId && other.finished));
        if (runs.some((run) => run === undefined)) throw new Error('an interrupted run has not finished on another bridge yet');
        return runs.flatMap((run) => run ?? []);
      },
      { timeout: takeoverLimitMs, interval: 100 },
    );
    expect(resumed.map((run) => run.finished?.status)).toEqual(halfWay.map(() => 'succeeded'));
    const takeoverMs = Math.max(...resumed.map((run) => (run.finished?.at ?? Infinity) - killedAt));
    expect(takeoverMs).toBeLessThan(takeoverLimitMs);

    // Every mailbox ends up holding the whole ERP. (A write whose answer the network lost is an item
    // failure its run reports, and the next pass, a minute later, settles it.)
    await vi.waitFor(
      () => {
        const behind = started.mailboxes.filter((mailbox) => started.folderContacts(mailbox).length < expectedTags.size);
        if (behind.length) throw new Error(`${behind.length} mailboxes not synced yet`);
      },
      { timeout: 100_000, interval: 500 },
    );
    await Promise.all(survivors.map((bridge) => bridge.stop()));

    // One pass a minute whichever bridges ran, and no mailbox run twice in a pass.
    const passes = await completedPasses(database.url);
    const minutes = passes.map((pass) => Math.floor(pass.createdOn.getTime() / 60_000));
    expect(new Set(minutes).size).toBe(passes.length);
    const passOf = (run: RunRecord) => passes.findIndex((pass) => pass.startedOn.toISOString() <= run.startedAt && run.startedAt <= pass.completedOn.toISOString());
    const runsByPass = passes.map(() => new Map<string, number>());
    for (const mailbox of started.mailboxes) {
      for (const run of await contactRunsOf(started, mailbox)) {
        const pass = passOf(run);
        expect(pass, `run ${run.id} queued outside any pass`).toBeGreaterThanOrEqual(0);
        const counts = runsByPass[pass];
        counts?.set(mailbox.user.objectId, (counts.get(mailbox.user.objectId) ?? 0) + 1);
      }
    }
    expect(runsByPass[0]?.size).toBe(mailboxCount);
    for (const counts of runsByPass) expect(Math.max(...counts.values())).toBe(1);

    // No contact created twice in any mailbox, and every mailbox holds the whole ERP.
    const allRuns = [victim, ...survivors].flatMap((bridge) => bridge.runs);
    const unlike = [];
    for (const mailbox of started.mailboxes) {
      const folder = started.folderContacts(mailbox).map(toFolderContact);
      const tags = new Set(folder.map((contact) => contact.tag));
      if (duplicatedTags(folder).length === 0 && tags.size === expectedTags.size && [...expectedTags].every((tag) => tags.has(tag))) continue;
      // What the runs of a mailbox that differs did, to tell why.
      unlike.push({
        mailbox: mailbox.user.objectId, contacts: folder.length, duplicated: duplicatedTags(folder), missing: [...expectedTags].filter((tag) => !tags.has(tag)),
        halfWay: halfWay.some((run) => run.objectId === mailbox.user.objectId),
        runs: allRuns.filter((run) => run.objectId === mailbox.user.objectId).map((run) => ({ bridge: run.bridge, runId: run.runId, status: run.finished?.status })),
        records: (await contactRunsOf(started, mailbox)).map((run) => ({ id: run.id, status: run.status, report: run.report })),
      });
    }
    expect(unlike).toEqual([]);
    console.info(`TAKEOVER ${JSON.stringify({ mailboxes: mailboxCount, killedRuns: halfWay.length, takeoverSeconds: Math.round(takeoverMs / 100) / 10, runLeaseSeconds, passes: passes.length })}`);
  }, 240_000);
});
