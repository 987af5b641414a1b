import type { HostTheme } from './office-host';

/**
 * Outlook gives no theme name (`isDarkTheme` and `themeId` are not supported there), only colours:
 * a dark body background means a dark theme. Forced colours (Windows high contrast) win over both.
 */
export function classifyTheme(bodyBackgroundColor: string | undefined, forcedColors: boolean): HostTheme {
  if (forcedColors) return 'highContrast';
  const luminance = bodyBackgroundColor ? relativeLuminance(bodyBackgroundColor) : undefined;
  return luminance !== undefined && luminance < 0.4 ? 'dark' : 'light';
}

function relativeLuminance(color: string): number | undefined {
  const match = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color.trim());
  if (!match?.[1]) return undefined;
  const hex = match[1].length === 3 ? [...match[1]].map((digit) => digit + digit).join('') : match[1];
  const [red, green, blue] = [0, 2, 4].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (red ?? 0) + 0.7152 * (green ?? 0) + 0.0722 * (blue ?? 0);
}
