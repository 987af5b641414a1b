import { Field, Radio, RadioGroup, Switch } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SyncSettings } from '../../domain/sync-settings';

interface ActionsSettingsProps {
  settings: SyncSettings;
  disabled: boolean;
  onChange: (changes: Partial<SyncSettings>) => void;
}

const primary = 'primary';

/**
 * Actions on or off, and the calendar timed actions go to. The main calendar is the default (ERP
 * visits then block free/busy); a calendar chosen before (by id) stays selectable. Listing the
 * mailbox's other calendars needs a bridge route that does not exist yet.
 */
export function ActionsSettings({ settings, disabled, onChange }: ActionsSettingsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Switch label={t('settings.actionsEnabled')} checked={settings.actionsEnabled} disabled={disabled} onChange={(_event, data) => onChange({ actionsEnabled: data.checked })} />
      {settings.actionsEnabled ? (
        <Field label={t('settings.calendarLabel')}>
          <RadioGroup
            value={settings.actionsCalendarId ?? primary}
            disabled={disabled}
            onChange={(_event, data) => onChange({ actionsCalendarId: data.value === primary ? undefined : data.value })}
          >
            <Radio value={primary} label={t('settings.primaryCalendar')} />
            {settings.actionsCalendarId ? <Radio value={settings.actionsCalendarId} label={t('settings.savedCalendar', { id: settings.actionsCalendarId })} /> : null}
          </RadioGroup>
        </Field>
      ) : null}
    </>
  );
}
