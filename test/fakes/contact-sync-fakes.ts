import type { ErpContact } from '../../src/domain/erp-records';
import type { ConflictPolicy } from '../../src/domain/sync-settings';
import { type AppliedContactPlan, applyContactPlan } from '../../src/sync/contacts/apply-contact-plan';
import type { ContactLink } from '../../src/sync/contacts/contact-link';
import type { ContactPlan } from '../../src/sync/contacts/contact-plan';
import type { ContactPlanInput } from '../../src/sync/contacts/contact-plan-input';
import type { ErpWriteIntents } from '../../src/sync/contacts/erp-write-intents';
import { planContactChanges } from '../../src/sync/contacts/plan-contact-changes';
import { runContactSync } from '../../src/sync/contacts/run-contact-sync';
import type { ContactRunReport } from '../../src/sync/contacts/contact-run-report';
import { sequentialIds } from '../builders/sequential-ids';
import { FakeClock } from './fake-clock';
import { FakeContactLinkStore } from './fake-contact-link-store';
import { FakeContactSyncStore } from './fake-contact-sync-store';
import { FakeErpContactSource } from './fake-erp-contact-source';
import { FakeOutlookContactFolder } from './fake-outlook-contact-folder';

export type PlanOptions = Partial<Pick<ContactPlanInput, 'confirmedRemovals'>> & {
  direction?: ContactPlanInput['settings']['direction'];
  policy?: ConflictPolicy;
};

/** One mailbox of environment `acme`: a fake ERP, folder and store sharing a clock, planned and applied like a run. */
export class ContactSyncFakes {
  readonly clock: FakeClock;
  readonly erp: FakeErpContactSource;
  readonly outlook: FakeOutlookContactFolder;
  readonly links: FakeContactLinkStore;
  readonly newId = sequentialIds('conflict-');
  /** What the last run held for confirmation, as the service reads it from the last run's report. */
  private held: readonly string[] = [];

  constructor(setup: { now: string; erpContacts?: readonly ErpContact[]; links?: readonly ContactLink[] }) {
    this.clock = new FakeClock(setup.now);
    this.erp = new FakeErpContactSource(this.clock, setup.erpContacts);
    this.outlook = new FakeOutlookContactFolder(this.clock);
    this.links = new FakeContactLinkStore(setup.links);
    this.store = new FakeContactSyncStore(this.links);
  }

  /** Lists both sides and the store at the clock's time, as a run does, and plans. */
  async plan(options: PlanOptions = {}): Promise<ContactPlan> {
    const changes = await this.erp.listContactChanges(undefined);
    return planContactChanges({
      environment: 'acme',
      erpContacts: await this.erp.listContactsInScope(),
      erpTombstones: changes.deletedIds,
      outlookContacts: await this.outlook.listContacts(),
      links: await this.links.listLinks(),
      conflicts: await this.links.listConflicts(),
      settings: { direction: options.direction ?? 'erp-to-outlook', policy: options.policy ?? 'erp-wins' },
      confirmedRemovals: options.confirmedRemovals ?? [],
      heldRemovals: this.held.filter((erpId) => !(options.confirmedRemovals ?? []).includes(erpId)),
      now: this.clock.now(),
      newId: this.newId,
    });
  }

  /** The ERP writes the applier announced and has not settled yet. */
  erpWriteIntents: ErpWriteIntents = {};

  /** Applies a plan with the run's own applier, over the fakes. */
  apply(plan: ContactPlan): Promise<AppliedContactPlan> {
    return applyContactPlan(plan.operations, {
      folder: this.outlook,
      erp: this.erp,
      store: {
        transaction: (work) =>
          work({
            links: this.links,
            saveErpWriteIntents: async (intents) => {
              this.erpWriteIntents = structuredClone(intents);
            },
          }),
      },
      onProgress: async () => {},
    });
  }

  /** The store as the production run reads it, over `links`. */
  readonly store: FakeContactSyncStore;

  /** The production run (`runContactSync`) at `at`, over the fakes. */
  async syncRun(at: string, options: PlanOptions = {}): Promise<ContactRunReport> {
    this.clock.set(at);
    const { report } = await runContactSync(
      { environment: 'acme', folderId: this.outlook.folderId, direction: options.direction ?? 'erp-to-outlook', policy: options.policy ?? 'erp-wins', folderChange: 'move' },
      { confirmedRemovals: options.confirmedRemovals ?? [], heldRemovals: this.held },
      { store: this.store, folder: this.outlook, folderFor: (folderId) => this.outlook.siblings.get(folderId) ?? this.outlook, erp: this.erp, now: () => new Date(this.clock.now()), newId: this.newId, fullListingEveryMs: 24 * 60 * 60_000, onState: async () => {} },
    );
    this.held = report.heldRemovals;
    return report;
  }

  /** A whole run at `at`: plan, then apply. */
  async run(at: string, options: PlanOptions = {}): Promise<{ plan: ContactPlan; result: AppliedContactPlan }> {
    this.clock.set(at);
    const plan = await this.plan(options);
    const result = await this.apply(plan);
    this.held = plan.heldRemovals.map((removal) => removal.erpId);
    return { plan, result };
  }
}
