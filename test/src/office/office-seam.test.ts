import { describe, expect, it } from 'vitest';
import { classifyTheme } from '../../../src/office/classify-theme';
import { meetingKeyOf } from '../../../src/office/meeting-key';
import { OfficeCallError, toOfficeCallError } from '../../../src/office/office-call-error';
import { fluentThemeFor } from '../../../src/taskpane/theme/fluent-theme-for';
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';

describe('the Office theme', () => {
  it.each([
    ['#FFFFFF', false, 'light'],
    ['#f3f2f1', false, 'light'],
    ['#1F1F1F', false, 'dark'],
    ['#000', false, 'dark'],
    ['#FFFFFF', true, 'highContrast'],
    [undefined, false, 'light'],
    ['not a colour', false, 'light'],
  ] as const)('reads body background %s (forced colours: %s) as %s', (background, forced, theme) => {
    expect(classifyTheme(background, forced)).toBe(theme);
  });

  it('maps each to a Fluent theme', () => {
    expect(fluentThemeFor('light')).toBe(webLightTheme);
    expect(fluentThemeFor('dark')).toBe(webDarkTheme);
    expect(fluentThemeFor('highContrast')).toBe(teamsHighContrastTheme);
  });
});

describe('the meeting key', () => {
  it('is the same for every attendee: organizer and start instant, whatever the zone of the clock', () => {
    expect(meetingKeyOf({ email: 'Lucia@Talleres.es' }, '2026-03-10T10:00:00+01:00')).toBe('outlook:lucia@talleres.es/2026-03-10T09:00:00.000Z');
    expect(meetingKeyOf(undefined, '2026-03-10T09:00:00Z')).toBe('outlook:unknown/2026-03-10T09:00:00.000Z');
  });
});

describe('Office errors', () => {
  it('keep Office’s numeric code', () => {
    expect(toOfficeCallError({ code: 13002, message: 'User aborted' })).toEqual(new OfficeCallError(13002, 'User aborted'));
    expect(toOfficeCallError({ code: '13005', name: 'Invalid grant' })).toMatchObject({ code: 13005 });
    expect(toOfficeCallError(new Error('boom'))).toMatchObject({ code: 0, message: 'boom' });
  });
});
