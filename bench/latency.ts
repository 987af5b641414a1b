import { setTimeout as delay } from 'node:timers/promises';
import { notificationDefaults } from '../dev/m365/graph/notification-client';
import type { ErpAction } from '../src/domain/erp-records';
import { benchEnvironment, benchErpUserId, benchUser } from './start-contact-bench';
import { erpChangeSecret, startLatencyBridge, type LatencyBridge } from './start-latency-bridge';
import { percentile, report } from './measure';

const contacts = 200;
const rounds = Number(process.env.LATENCY_ROUNDS ?? 100);
const pollRounds = Number(process.env.LATENCY_POLL_ROUNDS ?? 20);
const eventRounds = Number(process.env.LATENCY_EVENT_ROUNDS ?? rounds);
const pollEveryMs = 5_000;
const defaultPollMs = 5 * 60_000;
const actor = { email: 'amelie.dubois@fabrikamfrance.onmicrosoft.com' };

interface Sample {
  /** From the write on one side to the change seen on the other. */
  endToEndMs: number;
  /** From the first notification or ERP call reaching the bridge after the write, to the end of the run that made the change. */
  bridgeAddedMs: number | undefined;
}

async function waitUntil(condition: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not seen within ${timeoutMs} ms`);
    await delay(10);
  }
}

const outlookJobTitle = (bridge: LatencyBridge, outlookId: string) =>
  bridge.m365.graph.admin.readMailbox(benchUser.objectId).contacts.find((contact) => contact.id === outlookId || contact.immutableId === outlookId)?.jobTitle;

/** The end of the first contact run that finished after `arrival`: the run that made the change (its end comes after the write). */
async function runEndAfter(bridge: LatencyBridge, arrival: number): Promise<number | undefined> {
  const finished = (await bridge.store.runs.listForUser(benchUser, 20)).flatMap((run) => (run.kind === 'contacts' && run.finishedAt ? [Date.parse(run.finishedAt)] : []));
  return finished.filter((at) => at >= arrival).sort((a, b) => a - b)[0];
}

/** One change each way per round, on contacts of their own, so the two directions never meet on a field. */
async function measure(bridge: LatencyBridge, count: number, options: { erpHook: boolean; timeoutMs: number; spreadMs?: number }) {
  const links = await bridge.store.links.listForUser(benchUser, 'contact', { limit: 40 });
  const erpToOutlook: Sample[] = [];
  const outlookToErp: Sample[] = [];
  for (let round = 0; round < count; round += 1) {
    const toOutlook = links[(2 * round) % links.length];
    const toErp = links[(2 * round + 1) % links.length];
    if (!toOutlook || !toErp) throw new Error('too few synced contacts');
    // With polling only, each change lands at a random point of the interval.
    const spread = () => (options.spreadMs ? delay(Math.random() * options.spreadMs) : Promise.resolve());
    await spread();
    const erpTitle = `ERP round ${round}`;
    const erpWrittenAt = Date.now();
    const current = await bridge.erp.getContact(toOutlook.erpId);
    await bridge.erp.updateContact(toOutlook.erpId, { jobTitle: erpTitle, version: current?.version ?? 0 }, actor);
    if (options.erpHook) {
      const answer = await fetch(`${bridge.url}/api/erp/changes`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-erp-change-secret': erpChangeSecret },
        body: JSON.stringify({ environment: benchEnvironment, contacts: [toOutlook.erpId] }),
      });
      if (answer.status !== 202) throw new Error(`ERP change hook answered ${answer.status}`);
    }
    await waitUntil(() => outlookJobTitle(bridge, toOutlook.outlookId) === erpTitle, options.timeoutMs);
    const seenInOutlook = Date.now();
    erpToOutlook.push(await sample(bridge, erpWrittenAt, seenInOutlook));

    await spread();
    const outlookTitle = `Outlook round ${round}`;
    const outlookWrittenAt = Date.now();
    await bridge.client.request('PATCH', `/users/${benchUser.objectId}/contacts/${toErp.outlookId}`, { body: { jobTitle: outlookTitle } });
    await waitUntil(async () => (await bridge.erp.getContact(toErp.erpId))?.jobTitle === outlookTitle, options.timeoutMs);
    outlookToErp.push(await sample(bridge, outlookWrittenAt, Date.now()));
  }
  return { erpToOutlook, outlookToErp };
}

async function sample(bridge: LatencyBridge, writtenAt: number, seenAt: number): Promise<Sample> {
  const arrival = bridge.arrivals.find((at) => at >= writtenAt);
  // The run's record is closed just after the change shows: wait for it.
  let runEnd: number | undefined;
  if (arrival !== undefined) await waitUntil(async () => (runEnd = await runEndAfter(bridge, arrival)) !== undefined, 30_000);
  return { endToEndMs: seenAt - writtenAt, bridgeAddedMs: arrival !== undefined && runEnd !== undefined ? runEnd - arrival : undefined };
}

const hourMs = 3_600_000;
const outlookStartOf = (bridge: LatencyBridge, subject: string) => {
  const start = bridge.m365.graph.admin.readMailbox(benchUser.objectId).events.find((event) => event.subject === subject)?.start?.dateTime;
  return start === undefined ? undefined : Date.parse(`${start}Z`);
};

/**
 * Events: the ERP moves a visit (then names it to the hook) → the Outlook event moved; the user
 * moves another visit in Outlook (a Graph notification) → the ERP action moved. One visit each way
 * per round, created and synced before the rounds.
 */
async function measureEvents(bridge: LatencyBridge, count: number, timeoutMs: number) {
  const actionActor = { ...actor, erpUserId: benchErpUserId };
  const base = Date.now() + 2 * 86_400_000 - ((Date.now() + 2 * 86_400_000) % hourMs);
  const visits: ErpAction[] = [];
  for (let index = 0; index < 2 * count; index += 1) {
    const start = base + index * 2 * hourMs;
    visits.push(await bridge.erp.createAction({
      type: 'visit', subject: `Latency visit ${index}`, start: new Date(start).toISOString(), end: new Date(start + hourMs).toISOString(),
      allDay: false, timeZone: 'Europe/Paris', status: 'planned', private: false, ownerId: benchErpUserId,
    }, actionActor));
  }
  const callHook = async (actionIds: string[]) => {
    const answer = await fetch(`${bridge.url}/api/erp/changes`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-erp-change-secret': erpChangeSecret },
      body: JSON.stringify({ environment: benchEnvironment, actions: actionIds }),
    });
    if (answer.status !== 202) throw new Error(`ERP change hook answered ${answer.status}`);
  };
  await callHook(visits.map((visit) => visit.id));
  await waitUntil(() => visits.every((visit) => outlookStartOf(bridge, visit.subject) !== undefined), 120_000);
  const events = bridge.m365.graph.admin.readMailbox(benchUser.objectId).events;

  const erpToOutlook: Sample[] = [];
  const outlookToErp: Sample[] = [];
  for (let round = 0; round < count; round += 1) {
    const inErp = visits[2 * round];
    const inOutlook = visits[2 * round + 1];
    const event = events.find((item) => item.subject === inOutlook?.subject);
    if (!inErp || !inOutlook || !event?.id) throw new Error('a visit did not reach the calendar');

    const erpStart = Date.parse(inErp.start ?? '') + hourMs / 2;
    const erpWrittenAt = Date.now();
    const current = await bridge.erp.getAction(inErp.id);
    await bridge.erp.updateAction(inErp.id, { start: new Date(erpStart).toISOString(), end: new Date(erpStart + hourMs).toISOString(), version: current?.version ?? 0 }, actionActor);
    await callHook([inErp.id]);
    await waitUntil(() => outlookStartOf(bridge, inErp.subject) === erpStart, timeoutMs);
    erpToOutlook.push(await sample(bridge, erpWrittenAt, Date.now()));

    const outlookStart = Date.parse(inOutlook.start ?? '') + hourMs / 2;
    const at = (epochMs: number) => ({ dateTime: new Date(epochMs).toISOString().slice(0, 19), timeZone: 'UTC' });
    const outlookWrittenAt = Date.now();
    await bridge.client.request('PATCH', `/users/${benchUser.objectId}/events/${event.id}`, { body: { start: at(outlookStart), end: at(outlookStart + hourMs) } });
    await waitUntil(async () => Date.parse((await bridge.erp.getAction(inOutlook.id))?.start ?? '') === outlookStart, timeoutMs);
    outlookToErp.push(await sample(bridge, outlookWrittenAt, Date.now()));
  }
  return { erpToOutlook, outlookToErp };
}

const sorted = (values: readonly (number | undefined)[]) => values.flatMap((value) => (value === undefined ? [] : [value])).sort((a, b) => a - b);
const figuresOf = (samples: readonly Sample[]) => {
  const endToEnd = sorted(samples.map((sample) => sample.endToEndMs));
  const added = sorted(samples.map((sample) => sample.bridgeAddedMs));
  const mean = Math.round(endToEnd.reduce((sum, value) => sum + value, 0) / Math.max(1, endToEnd.length));
  return { mean, p50: percentile(endToEnd, 50), p95: percentile(endToEnd, 95), addedP50: percentile(added, 50), addedP95: percentile(added, 95), measuredAdded: added.length, samples: endToEnd.length };
};

/**
 * `npm run bench -- latency`: ERP change → Outlook contact (through the ERP change hook) and
 * Outlook change → ERP record (through a Graph notification, the emulator's default 1 s delivery
 * delay), `LATENCY_ROUNDS` (100) times each; events the same way with action sync on
 * (`LATENCY_EVENT_ROUNDS`, as many); then contacts with polling only, at a 5 s interval, scaled to
 * the default 5 minutes.
 */
export async function benchLatency(): Promise<void> {
  const notified = await startLatencyBridge({ contacts, notifications: true });
  let withNotifications;
  try {
    withNotifications = await measure(notified, rounds, { erpHook: true, timeoutMs: 30_000 });
  } finally {
    await notified.close();
  }
  const withActions = await startLatencyBridge({ contacts: 5, notifications: true, actions: true });
  let eventsNotified;
  try {
    eventsNotified = await measureEvents(withActions, eventRounds, 30_000);
  } finally {
    await withActions.close();
  }
  const polled = await startLatencyBridge({ contacts, notifications: false, pollEveryMs });
  let pollOnly;
  try {
    pollOnly = await measure(polled, pollRounds, { erpHook: false, timeoutMs: 4 * pollEveryMs, spreadMs: pollEveryMs });
  } finally {
    await polled.close();
  }

  const erp = figuresOf(withNotifications.erpToOutlook);
  const outlook = figuresOf(withNotifications.outlookToErp);
  const pollErp = figuresOf(pollOnly.erpToOutlook);
  const pollOutlook = figuresOf(pollOnly.outlookToErp);
  const erpEvent = figuresOf(eventsNotified.erpToOutlook);
  const outlookEvent = figuresOf(eventsNotified.outlookToErp);
    const latency = {
    rounds, deliveryDelayMs: notificationDefaults.deliveryDelayMs,
    erpToOutlook: erp, outlookToErp: outlook,
    events: { rounds: eventRounds, erpActionToEvent: erpEvent, eventToErpAction: outlookEvent },
    pollOnly: { rounds: pollRounds, intervalMs: pollEveryMs, erpToOutlook: pollErp, outlookToErp: pollOutlook, expectedMeanMs: pollEveryMs / 2 },
    // A change waits for the next pass, uniformly within the interval, then for its run: p50 ≈ interval / 2 + run, p95 ≈ 0.95 × interval + run.
    pollOnlyAtDefaultIntervalEstimate: {
      intervalMs: defaultPollMs,
      p50Ms: Math.round(defaultPollMs / 2 + Math.max(erp.addedP50, outlook.addedP50)),
      p95Ms: Math.round(0.95 * defaultPollMs + Math.max(erp.addedP95, outlook.addedP95)),
    },
  };
  console.log(`LATENCY ${JSON.stringify(latency)}`);
  const worstP95 = Math.max(erp.p95, outlook.p95, erpEvent.p95, outlookEvent.p95);
  const worstAdded = Math.max(erp.addedP95, outlook.addedP95, erpEvent.addedP95, outlookEvent.addedP95);
  report({
    name: `latency: ${rounds} contact and ${eventRounds} event changes each way with notifications on (delivery delay ${notificationDefaults.deliveryDelayMs} ms); poll-only at ${pollEveryMs} ms`,
    figures: {
      'ERP → Outlook p50 / p95 ms': `${erp.p50} / ${erp.p95}`,
      'ERP → Outlook bridge-added p50 / p95 ms': `${erp.addedP50} / ${erp.addedP95}`,
      'Outlook → ERP p50 / p95 ms': `${outlook.p50} / ${outlook.p95}`,
      'Outlook → ERP bridge-added p50 / p95 ms': `${outlook.addedP50} / ${outlook.addedP95}`,
      'ERP action → Outlook event p50 / p95 ms': `${erpEvent.p50} / ${erpEvent.p95}`,
      'ERP action → Outlook event bridge-added p50 / p95 ms': `${erpEvent.addedP50} / ${erpEvent.addedP95}`,
      'Outlook event → ERP action p50 / p95 ms': `${outlookEvent.p50} / ${outlookEvent.p95}`,
      'Outlook event → ERP action bridge-added p50 / p95 ms': `${outlookEvent.addedP50} / ${outlookEvent.addedP95}`,
      [`poll-only (${pollEveryMs} ms) ERP → Outlook p50 / p95 ms`]: `${pollErp.p50} / ${pollErp.p95}`,
      [`poll-only (${pollEveryMs} ms) Outlook → ERP p50 / p95 ms`]: `${pollOutlook.p50} / ${pollOutlook.p95}`,
      'poll-only at 5 min, estimated p50 / p95 s': `${Math.round(latency.pollOnlyAtDefaultIntervalEstimate.p50Ms / 1000)} / ${Math.round(latency.pollOnlyAtDefaultIntervalEstimate.p95Ms / 1000)}`,
    },
    targets: [
      { name: 'p95 end to end with notifications (ms)', value: worstP95, limit: 10_000, met: worstP95 <= 10_000 },
      { name: 'p95 added by the bridge (ms)', value: worstAdded, limit: 2_000, met: worstAdded <= 2_000 },
    ],
  });
}
