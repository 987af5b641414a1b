import type { i18n } from 'i18next';
import { syncPolicyEn } from './locales/sync-policy/en';
import { syncPolicyEs } from './locales/sync-policy/es';
import { syncPolicyFr } from './locales/sync-policy/fr';

const done = new WeakSet<i18n>();

/**
 * Adds the strings of the sync policy's controls to an i18next instance, once. They ship with
 * the settings and Admin views (loaded on demand), so the card path does not carry them.
 */
export function addSyncPolicyStrings(instance: i18n): void {
  if (done.has(instance)) return;
  done.add(instance);
  instance.addResourceBundle('en', 'translation', syncPolicyEn, true, false);
  instance.addResourceBundle('es', 'translation', syncPolicyEs, true, false);
  instance.addResourceBundle('fr', 'translation', syncPolicyFr, true, false);
}
