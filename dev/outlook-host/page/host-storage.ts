/**
 * What Outlook keeps per mailbox on its servers, kept here in the browser's storage per account:
 * the add-in's roaming settings and the categories set on items.
 */
export interface HostStorage {
  roamingSettings(account: string): Record<string, unknown>;
  saveRoamingSettings(account: string, settings: Record<string, unknown>): void;
  categories(account: string, itemId: string): string[] | undefined;
  saveCategories(account: string, itemId: string, categories: string[]): void;
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
  };
}
