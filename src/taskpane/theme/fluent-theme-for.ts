import { teamsHighContrastTheme, type Theme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { HostTheme } from '../../office/office-host';

/** Office's theme, as the Fluent theme whose tokens every style uses. */
export function fluentThemeFor(theme: HostTheme): Theme {
  switch (theme) {
    case 'dark':
      return webDarkTheme;
    case 'highContrast':
      return teamsHighContrastTheme;
    case 'light':
      return webLightTheme;
  }
}
