import type { DialogOutcome, HostAccount, HostTheme, OfficeHost } from '../../../../src/office/office-host';
import type { CurrentItem, Person } from '../../../../src/office/office-item';

export interface FakeOffice extends OfficeHost {
  /** Selects another item, as the user does in a pinned pane. */
  select(item: CurrentItem | undefined): void;
  setTheme(theme: HostTheme): void;
  inserted: string[];
  recipients: { field: 'to' | 'cc'; people: Person[] }[];
  settings: Map<string, string>;
}

export interface FakeOfficeOptions {
  item?: CurrentItem;
  bodyText?: string;
  userEmail?: string;
  displayLanguage?: string;
  theme?: HostTheme;
  supportedSets?: string[];
  getAccessToken?: () => Promise<string>;
  runDialog?: (url: string) => Promise<DialogOutcome>;
  account?: HostAccount;
}

/** A hand-written Office seam: no `Office` global anywhere in the tests. */
export function createFakeOffice(options: FakeOfficeOptions = {}): FakeOffice {
  let item = options.item;
  let theme = options.theme ?? 'light';
  const itemListeners = new Set<() => void>();
  const themeListeners = new Set<(theme: HostTheme) => void>();
  const supported = new Set(options.supportedSets ?? []);
  const fake: FakeOffice = {
    inserted: [],
    recipients: [],
    settings: new Map(),
    select(next) {
      item = next;
      for (const listener of itemListeners) listener();
    },
    setTheme(next) {
      theme = next;
      for (const listener of themeListeners) listener(next);
    },
    isSetSupported: (name, version) => supported.has(`${name} ${version}`),
    getAccessToken: options.getAccessToken ?? (() => Promise.reject(new Error('no Office SSO in this test'))),
    getAccount: () => Promise.resolve(options.account),
    runDialog: options.runDialog ?? (() => Promise.resolve({ kind: 'closed' })),
    readCurrentItem: () => Promise.resolve(item),
    readBodyText: () => Promise.resolve(options.bodyText ?? 'Buenos días, adjunto el pedido.'),
    subscribeItemChanged(listener) {
      itemListeners.add(listener);
      return () => itemListeners.delete(listener);
    },
    userEmail: () => options.userEmail ?? 'me@contoso.example',
    displayLanguage: () => options.displayLanguage ?? 'en-US',
    theme: () => theme,
    subscribeThemeChanged(listener) {
      themeListeners.add(listener);
      return () => themeListeners.delete(listener);
    },
    readSetting: (key) => fake.settings.get(key),
    writeSetting: async (key, value) => {
      fake.settings.set(key, value);
    },
    insertText: async (text) => {
      fake.inserted.push(text);
    },
    addRecipients: async (field, people) => {
      fake.recipients.push({ field, people });
    },
  };
  return fake;
}
