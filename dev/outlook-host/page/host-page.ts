/**
 * The Outlook on the web stand-in: a mailbox, a reading pane and the ERP Bridge add-in pinned in
 * its pane, loaded from the bridge (the production taskpane) and driven through its Office.js.
 */
import { type HostPageConfig, isHostPageConfig } from '../host-page-config';
import type { DraftSnapshot, HostContext, ItemSnapshot } from '../host-protocol';
import { createAddinFrame, HostCallFailure } from './addin-frame';
import { allItems, demoMailbox } from './demo-mailbox';
import { h } from './element';
import { type HostState, readHostState, writeHostState } from './host-state';
import { createHostStorage, type DraftChanges } from './host-storage';
import { hostLanguages, hostStrings, isHostLanguage } from './host-strings';
import { officeThemeOf } from './office-theme';
import { markSelected, renderMailbox } from './render-mailbox';
import { renderReadingPane } from './render-reading-pane';
import { createTokenClient } from './token-client';

function readConfig(): HostPageConfig {
  const config: unknown = JSON.parse(document.getElementById('host-config')?.textContent ?? 'null');
  if (!isHostPageConfig(config)) throw new Error('the Outlook host page was served without its configuration');
  return config;
}

const config = readConfig();

const storage = createHostStorage(window.localStorage);
const tokens = createTokenClient(window.fetch.bind(window));
// Items are dated from the moment the page opened, so a reload shows the same mailbox.
const openedAt = new Date();
let state: HostState = readHostState(new URL(window.location.href), config.accounts, undefined);
let items = mailboxOf(state);
state = { ...state, itemId: state.itemId ?? items[0]?.itemId };

function mailboxOf(current: HostState): ItemSnapshot[] {
  const owner = { emailAddress: current.account.email, displayName: current.account.displayName };
  return allItems(demoMailbox(owner, openedAt)).map((item) => {
    const categories = storage.categories(current.account.email, item.itemId) ?? item.categories;
    return item.itemType === 'draft' ? { ...item, ...storage.draftChanges(current.account.email, item.itemId), categories } : { ...item, categories };
  });
}

/** The draft the add-in writes to; it may write only to the selected one, as in Outlook. */
function selectedDraft(itemId: string): DraftSnapshot {
  const item = selectedItem();
  if (item?.itemType !== 'draft' || item.itemId !== itemId) throw new HostCallFailure(5001, 'GenericResponseError', 'the add-in can write only to the draft being composed');
  return item;
}

function changeDraft(itemId: string, changes: DraftChanges) {
  storage.saveDraftChanges(state.account.email, itemId, changes);
  items = mailboxOf(state);
  render();
}

const selectedItem = () => items.find((item) => item.itemId === state.itemId);
const culture = () => hostLanguages.find((entry) => entry.language === state.language)?.culture ?? 'en-US';

const frame = createAddinFrame(config.bridgeUrl, hostStrings(state.language).addin, {
  context: (): HostContext => ({
    displayLanguage: culture(),
    userProfile: { emailAddress: state.account.email, displayName: state.account.displayName, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone },
    officeTheme: officeThemeOf(state.theme),
    item: selectedItem() ?? null,
    roamingSettings: storage.roamingSettings(state.account.email),
    // Mailbox 1.14 has officeTheme; IdentityAPI 1.3 is getAccessToken. No NestedAppAuth. Dialogs open
    // (displayDialogAsync), but DialogApi is not announced, so sign-in keeps to getAccessToken.
    requirementSets: { Mailbox: '1.14', IdentityAPI: '1.3' },
  }),
  getAccessToken: () => tokens.getToken(state.account.email),
  saveSettings: (settings) => storage.saveRoamingSettings(state.account.email, settings),
  setCategories: (itemId, categories) => {
    storage.saveCategories(state.account.email, itemId, categories);
    items = mailboxOf(state);
    render();
    return categories;
  },
  insertText: (itemId, text) => {
    const body = `${selectedDraft(itemId).body}${text}`;
    changeDraft(itemId, { body });
    return body;
  },
  addRecipients: (itemId, field, recipients) => {
    const line = selectedDraft(itemId)[field];
    const added = recipients.filter((person) => !line.some((present) => present.emailAddress.toLowerCase() === person.emailAddress.toLowerCase()));
    changeDraft(itemId, { [field]: [...line, ...added] });
    return [...line, ...added];
  },
});

function taskpaneUrl(): string {
  const url = new URL('/taskpane.html', config.bridgeUrl);
  url.searchParams.set('appId', state.account.appId);
  return url.href;
}

function setState(next: HostState) {
  state = next;
  window.history.replaceState(null, '', writeHostState(new URL(window.location.href), state));
}

// Placeholders until the first render; the aside holding the add-in is never moved (that would reload it).
let top: HTMLElement = h('header');
let nav: HTMLElement = h('nav');
let reading: HTMLElement = h('main');
const aside = h('aside', { class: 'addin', 'aria-label': hostStrings(state.language).addin }, frame.element);
document.body.replaceChildren(top, h('div', { class: 'layout' }, nav, reading, aside));

function replace(old: HTMLElement, next: HTMLElement): HTMLElement {
  old.replaceWith(next);
  return next;
}

function header(): HTMLElement {
  const strings = hostStrings(state.language);
  const account = h('select', { id: 'account' }, config.accounts.map((entry) => h('option', { value: entry.email, selected: entry.email === state.account.email }, `${entry.displayName} (${entry.tenantName})`)));
  account.addEventListener('change', () => {
    const chosen = config.accounts.find((entry) => entry.email === account.value);
    if (!chosen) return;
    setState({ ...state, account: chosen });
    items = mailboxOf(state);
    render('account');
    frame.load(taskpaneUrl());
  });
  const language = h('select', { id: 'language' }, hostLanguages.map((entry) => h('option', { value: entry.language, selected: entry.language === state.language }, entry.label)));
  language.addEventListener('change', () => {
    if (!isHostLanguage(language.value)) return;
    setState({ ...state, language: language.value });
    render('language');
    // Office reports the display language at load: the add-in starts again in the new one.
    frame.load(taskpaneUrl());
  });
  const theme = h('button', { type: 'button', id: 'theme', 'aria-pressed': state.theme === 'dark' ? 'true' : 'false' }, strings.darkTheme);
  theme.addEventListener('click', () => {
    setState({ ...state, theme: state.theme === 'dark' ? 'light' : 'dark' });
    render('theme');
    frame.themeChanged(officeThemeOf(state.theme));
  });
  return h(
    'header',
    { class: 'topbar' },
    h('h1', { class: 'brand' }, strings.title, ' ', h('span', { class: 'subtitle' }, strings.subtitle)),
    h('div', { class: 'controls' }, h('label', { for: 'account' }, strings.account), account, h('label', { for: 'language' }, strings.language), language, theme),
  );
}

function select(itemId: string) {
  if (itemId === state.itemId) return;
  setState({ ...state, itemId });
  markSelected(nav, itemId);
  reading = replace(reading, renderReadingPane(selectedItem(), hostStrings(state.language), culture()));
  frame.itemChanged(selectedItem() ?? null);
}

/** Builds the page around the add-in's pane, which is never rebuilt; focus goes back where it was. */
function render(focusId?: string) {
  const strings = hostStrings(state.language);
  const active = focusId ?? (document.activeElement instanceof HTMLElement ? document.activeElement.id : '');
  document.documentElement.lang = state.language;
  document.documentElement.dataset.theme = state.theme;
  document.title = `${strings.title} (${strings.subtitle})`;
  top = replace(top, header());
  nav = replace(nav, renderMailbox({ items, selectedId: state.itemId, strings, culture: culture(), onSelect: select }));
  reading = replace(reading, renderReadingPane(selectedItem(), strings, culture()));
  aside.setAttribute('aria-label', strings.addin);
  frame.element.title = strings.addin;
  if (active) document.getElementById(active)?.focus();
}

render();
frame.load(taskpaneUrl());
