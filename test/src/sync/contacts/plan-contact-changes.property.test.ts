import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUntouchedCopy } from '../../../../src/sync/contacts/choose-kept-copy';
import { arrange, erpIds, nextRun, now, stateArbitrary } from '../../../builders/random-mailbox';

describe('planContactChanges: idempotence over random mailboxes', () => {
  it('plans nothing more once its plan is applied, leaves one copy per tag, and never deletes an ERP record', async () => {
    await fc.assert(
      fc.asyncProperty(stateArbitrary, async (state) => {
        const { fakes, options, userItems } = arrange(state);
        const erpIdsBefore = fakes.erp.ids();
        const editedCopies = (await fakes.outlook.listContacts()).filter((item) => item.tag?.startsWith('acme:') && !isUntouchedCopy(item));

        const { plan, result } = await fakes.run(now, options);
        expect(result.failures).toEqual([]);
        const again = await fakes.plan(options);

        expect(again.operations).toEqual([]);
        expect(again.heldRemovals.map((removal) => removal.erpId)).toEqual(plan.heldRemovals.map((removal) => removal.erpId));
        // One untouched copy per tag at most; a copy someone edited is never removed as a duplicate.
        for (const erpId of erpIds) expect(fakes.outlook.withTag(`acme:${erpId}`).filter(isUntouchedCopy).length).toBeLessThanOrEqual(1);
        const removedAsDuplicates = new Set(plan.operations.flatMap((operation) => (operation.kind === 'deduplicate' ? operation.remove.map((removed) => removed.outlookId) : [])));
        for (const item of editedCopies) expect(removedAsDuplicates.has(item.id)).toBe(false);
        expect(fakes.erp.ids()).toEqual(erpIdsBefore);
        if (state.direction === 'erp-to-outlook') expect(fakes.erp.writes).toBe(0);
        for (const item of userItems) expect(fakes.outlook.contact(item.id)).toEqual(item);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every Outlook-only field of the contacts it keeps', async () => {
    await fc.assert(
      fc.asyncProperty(stateArbitrary, async (state) => {
        const { fakes, options } = arrange(state);
        await fakes.run(now, options);
        for (const item of await fakes.outlook.listContacts()) {
          if (!item.id.startsWith('created-')) expect(fakes.outlook.outlookOnly(item.id)).toEqual({ nickname: `nick-${item.id.slice(1)}` });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('at the next listing, only counts misses and removes what two listings missed', async () => {
    await fc.assert(
      fc.asyncProperty(stateArbitrary, async (state) => {
        const { fakes, options } = arrange(state);
        await fakes.run(now, options);
        fakes.clock.set(nextRun);
        const next = await fakes.plan(options);
        for (const operation of next.operations) {
          if (operation.kind === 'removeFromOutlook') expect(operation.reason).toBe('left-scope');
          else if (operation.kind === 'saveLink') expect(fakes.links.link(operation.erpId)).toEqual({ ...operation.link, missedListings: operation.link.missedListings - 1, updatedAt: now });
          else expect.fail(`unexpected ${operation.kind} of ${operation.erpId} at the next listing`);
        }
      }),
      { numRuns: 200 },
    );
  });
});
