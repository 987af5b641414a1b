import type { Calendar } from '@microsoft/microsoft-graph-types';
import type { CalendarRecord } from './calendar-record';

export type GraphCalendarJson = Calendar & { '@odata.context'?: string };

export const calendarPropertyNames = [
  'id', 'name', 'color', 'hexColor', 'isDefaultCalendar', 'changeKey', 'canShare', 'canViewPrivateItems', 'canEdit',
  'allowedOnlineMeetingProviders', 'defaultOnlineMeetingProvider', 'isTallyingResponses', 'isRemovable', 'owner',
] as const;

/** A calendar as Graph writes it; the owner is the mailbox user (shared calendars are not emulated). */
export function renderCalendar(
  calendar: CalendarRecord,
  owner: { name: string; address: string },
  options: { select?: ReadonlySet<string>; context?: string } = {},
): GraphCalendarJson {
  const full: GraphCalendarJson = {
    id: calendar.id,
    name: calendar.name,
    color: 'auto',
    hexColor: '',
    isDefaultCalendar: calendar.isDefaultCalendar,
    changeKey: calendar.changeKey,
    canShare: true,
    canViewPrivateItems: true,
    canEdit: true,
    allowedOnlineMeetingProviders: ['teamsForBusiness'],
    defaultOnlineMeetingProvider: 'teamsForBusiness',
    isTallyingResponses: true,
    isRemovable: !calendar.isDefaultCalendar,
    owner: { name: owner.name, address: owner.address },
  };
  const json: GraphCalendarJson = {};
  if (options.context) json['@odata.context'] = options.context;
  for (const name of calendarPropertyNames) {
    if (name === 'id' || !options.select || options.select.has(name)) copyProperty(json, full, name);
  }
  return json;
}

function copyProperty<Name extends keyof GraphCalendarJson>(target: GraphCalendarJson, source: GraphCalendarJson, name: Name): void {
  target[name] = source[name];
}
