import { Field, Input, Radio, RadioGroup, Switch } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { SyncPolicy } from '../../domain/sync-policy';
import type { SyncSettings } from '../../domain/sync-settings';
import { SyncChoices } from '../SyncChoices/SyncChoices';
import { useSyncPolicyTranslation } from '../sync/useSyncPolicyTranslation';

interface ActionsSettingsProps {
  settings: SyncSettings;
  /** The environment's sync policy: the events and tasks choices offer only what it allows. */
  policy: SyncPolicy;
  disabled: boolean;
  onChange: (changes: Partial<SyncSettings>) => void;
}

const primary = 'primary';

/**
 * Actions on or off, the calendar timed actions go to, the To Do list of the others, and how
 * events and tasks sync within the environment's policy; with events both ways, whether events the
 * user tags `ERP` become actions. The main calendar is the default (ERP
 * visits then block free/busy); a calendar chosen before (by id) stays selectable. Listing the
 * mailbox's other calendars needs a bridge route that does not exist yet.
 */
export function ActionsSettings({ settings, policy, disabled, onChange }: ActionsSettingsProps) {
  const { t } = useSyncPolicyTranslation();
  // The list name is saved when the user leaves the field, not on every key.
  const [todoListName, setTodoListName] = useState(settings.todoListName);
  useEffect(() => setTodoListName(settings.todoListName), [settings.todoListName]);
  const saveTodoListName = () => {
    const name = todoListName.trim();
    if (name === '' || name === settings.todoListName) setTodoListName(settings.todoListName);
    else onChange({ todoListName: name });
  };
  return (
    <>
      <Switch label={t('settings.actionsEnabled')} checked={settings.actionsEnabled} disabled={disabled} onChange={(_event, data) => onChange({ actionsEnabled: data.checked })} />
      {settings.actionsEnabled ? (
        <>
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
          <SyncChoices collection="events" settings={settings} policy={policy.events} disabled={disabled} onChange={onChange} />
          {settings.events === 'two-way' ? (
            <Switch label={t('settings.eventsFromOutlook')} checked={settings.eventsFromOutlook ?? false} disabled={disabled} onChange={(_event, data) => onChange({ eventsFromOutlook: data.checked })} />
          ) : null}
          <Field label={t('settings.todoListLabel')}>
            <Input value={todoListName} maxLength={255} disabled={disabled} onChange={(_event, data) => setTodoListName(data.value)} onBlur={saveTodoListName} />
          </Field>
          <SyncChoices collection="tasks" settings={settings} policy={policy.tasks} disabled={disabled} onChange={onChange} />
        </>
      ) : null}
    </>
  );
}
