import type { MailAddress } from '../host-protocol';

/** What the add-in changed in a draft. */
export interface DraftChanges {
  body?: string;
  to?: MailAddress[];
  cc?: MailAddress[];
}

/**
 * What Outlook keeps per mailbox on its servers, kept here in the browser's storage per account:
 * the add-in's roaming settings, the categories set on items and what the add-in wrote in drafts.
 */
export interface HostStorage {
  roamingSettings(account: string): Record<string, unknown>;
  saveRoamingSettings(account: string, settings: Record<string, unknown>): void;
  categories(account: string, itemId: string): string[] | undefined;
  saveCategories(account: string, itemId: string, categories: string[]): void;
  draftChanges(account: string, itemId: string): DraftChanges;
  saveDraftChanges(account: string, itemId: string, changes: DraftChanges): void;
}

const prefix = 'erp-bridge.outlook-host';

export function createHostStorage(storage: Storage): HostStorage {
  const read = (key: string): Record<string, unknown> => {
    try {
      const value: unknown = JSON.parse(storage.getItem(key) ?? '{}');
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
    } catch {
      // A damaged entry starts over empty: it only holds demo state.
      return {};
    }
  };
  const categoriesKey = (account: string) => `${prefix}.categories.${account.toLowerCase()}`;
  const draftsKey = (account: string) => `${prefix}.drafts.${account.toLowerCase()}`;
  return {
    roamingSettings: (account) => read(`${prefix}.roaming.${account.toLowerCase()}`),
    saveRoamingSettings: (account, settings) => storage.setItem(`${prefix}.roaming.${account.toLowerCase()}`, JSON.stringify(settings)),
    categories(account, itemId) {
      const value = read(categoriesKey(account))[itemId];
      return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : undefined;
    },
    saveCategories(account, itemId, categories) {
      storage.setItem(categoriesKey(account), JSON.stringify({ ...read(categoriesKey(account)), [itemId]: categories }));
    },
    draftChanges(account, itemId) {
      const value: unknown = read(draftsKey(account))[itemId];
      const fields: Record<string, unknown> = typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value)) : {};
      const { body, to, cc } = fields;
      return { ...(typeof body === 'string' ? { body } : {}), ...(isAddressList(to) ? { to } : {}), ...(isAddressList(cc) ? { cc } : {}) };
    },
    saveDraftChanges(account, itemId, changes) {
      const all = read(draftsKey(account));
      const before: unknown = all[itemId];
      storage.setItem(draftsKey(account), JSON.stringify({ ...all, [itemId]: { ...(typeof before === 'object' && before !== null ? before : {}), ...changes } }));
    },
  };
}

function isAddressList(value: unknown): value is MailAddress[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'object' && entry !== null && typeof entry.emailAddress === 'string' && typeof entry.displayName === 'string');
}
