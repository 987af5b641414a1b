import { describe, expect, it } from 'vitest';
import { effectiveSyncPolicy } from '../../../src/domain/effective-sync-policy';
import { findPolicyOutsideCeiling } from '../../../src/domain/find-policy-outside-ceiling';
import { findSettingsOutsidePolicy } from '../../../src/domain/find-settings-outside-policy';
import { policyDefaultsOf } from '../../../src/domain/policy-defaults-of';
import { resolveSyncSettings } from '../../../src/domain/resolve-sync-settings';
import type { CollectionPolicy, SyncPolicy } from '../../../src/domain/sync-policy';
import { defaultSyncSettings } from '../../../src/domain/sync-settings';
import { buildCollectionPolicy, buildSyncPolicy } from '../../builders/build-sync-policy';

const everything = (defaultDirection: CollectionPolicy['defaultDirection']) => buildCollectionPolicy({ defaultDirection });
const configured: SyncPolicy = buildSyncPolicy();
const oneWayContacts: SyncPolicy = {
  ...configured,
  contacts: { directions: ['erp-to-outlook', 'off'], conflicts: ['erp-wins'], defaultDirection: 'erp-to-outlook', defaultConflicts: 'erp-wins' },
};

describe('the sync policy in force', () => {
  it('is the configuration’s until an admin saves one', () => {
    expect(effectiveSyncPolicy(configured, undefined)).toEqual(configured);
  });

  it('is the admin’s choice within the configuration', () => {
    expect(effectiveSyncPolicy(configured, oneWayContacts)).toEqual(oneWayContacts);
  });

  it('drops what the configuration stopped allowing after the admin chose it, moving the default onto what is left', () => {
    const ceiling = { ...configured, contacts: { ...everything('erp-to-outlook'), directions: ['erp-to-outlook' as const] } };
    const chosen = { ...configured, contacts: { ...everything('two-way'), directions: ['erp-to-outlook' as const, 'two-way' as const] } };
    expect(effectiveSyncPolicy(ceiling, chosen).contacts).toMatchObject({ directions: ['erp-to-outlook'], defaultDirection: 'erp-to-outlook' });
  });

  it('falls back to the configuration when nothing of the admin’s choice is left under it', () => {
    const ceiling = { ...configured, tasks: { ...everything('off'), directions: ['off' as const] } };
    const chosen = { ...configured, tasks: { ...everything('two-way'), directions: ['two-way' as const] } };
    expect(effectiveSyncPolicy(ceiling, chosen).tasks).toEqual(ceiling.tasks);
  });

  it('names each value an admin may not allow, with what the configuration allows', () => {
    const wider = { ...configured, contacts: { ...oneWayContacts.contacts, directions: ['erp-to-outlook' as const, 'two-way' as const] } };
    expect(findPolicyOutsideCeiling(wider, oneWayContacts)).toEqual(['contacts.directions: "two-way" is not allowed (allowed: erp-to-outlook, off)']);
    expect(findPolicyOutsideCeiling(oneWayContacts, configured)).toEqual([]);
  });
});

describe('a user’s settings under the policy', () => {
  const twoWay = { ...defaultSyncSettings, enabled: true, contacts: 'two-way' as const, conflicts: 'manual' as const };

  it('keeps what the policy allows', () => {
    expect(resolveSyncSettings(twoWay, configured)).toEqual(twoWay);
    expect(findSettingsOutsidePolicy(twoWay, configured)).toEqual([]);
  });

  it('brings a value the admin no longer allows back to the collection’s default, and only that value', () => {
    expect(resolveSyncSettings(twoWay, oneWayContacts)).toEqual({ ...twoWay, contacts: 'erp-to-outlook', conflicts: 'erp-wins' });
  });

  it('names each refused field with the allowed values', () => {
    expect(findSettingsOutsidePolicy(twoWay, oneWayContacts)).toEqual([
      'contacts: "two-way" is not allowed (allowed: erp-to-outlook, off)',
      'conflicts: "manual" is not allowed (allowed: erp-wins)',
    ]);
    const noTasks = { ...configured, tasks: { ...everything('off'), directions: ['off' as const] } };
    expect(findSettingsOutsidePolicy(defaultSyncSettings, noTasks)).toEqual(['tasks: "two-way" is not allowed (allowed: off)']);
  });

  it('gives a user who chose nothing the policy’s defaults', () => {
    const policy = { ...configured, contacts: { ...everything('two-way'), defaultConflicts: 'newest' as const } };
    expect(policyDefaultsOf(policy)).toEqual({ contacts: 'two-way', conflicts: 'newest', events: 'two-way', eventConflicts: 'erp-wins', tasks: 'two-way', taskConflicts: 'erp-wins' });
  });
});
