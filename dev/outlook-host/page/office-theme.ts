import type { OfficeThemeSnapshot } from '../host-protocol';

export type HostTheme = 'light' | 'dark';

/** The colours Outlook on the web reports in `Office.context.officeTheme` for its light and dark themes. */
export function officeThemeOf(theme: HostTheme): OfficeThemeSnapshot {
  return theme === 'dark'
    ? { bodyBackgroundColor: '#1f1f1f', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#292929', controlForegroundColor: '#ffffff' }
    : { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#242424', controlBackgroundColor: '#f5f5f5', controlForegroundColor: '#242424' };
}
