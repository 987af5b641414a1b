import type { HostAccount } from '../host-page-config';
import { type HostLanguage, isHostLanguage } from './host-strings';
import type { HostTheme } from './office-theme';

/** What the user chose in the host page; kept in the address, so a reload (or a link) restores it. */
export interface HostState {
  account: HostAccount;
  language: HostLanguage;
  theme: HostTheme;
  /** Undefined: nothing selected. */
  itemId: string | undefined;
}

export function readHostState(location: URL, accounts: readonly HostAccount[], defaultItemId: string | undefined): HostState {
  const params = location.searchParams;
  const wanted = params.get('account')?.toLowerCase();
  const language = params.get('lang');
  const fallback = accounts[0];
  if (!fallback) throw new Error('the Outlook host has no accounts to sign in');
  return {
    account: accounts.find((account) => account.email.toLowerCase() === wanted) ?? fallback,
    language: isHostLanguage(language) ? language : 'en',
    theme: params.get('theme') === 'dark' ? 'dark' : 'light',
    itemId: params.get('item') ?? defaultItemId,
  };
}

export function writeHostState(location: URL, state: HostState): URL {
  const next = new URL(location);
  next.searchParams.set('account', state.account.email);
  next.searchParams.set('lang', state.language);
  next.searchParams.set('theme', state.theme);
  if (state.itemId) next.searchParams.set('item', state.itemId);
  else next.searchParams.delete('item');
  return next;
}
