import { Button, MessageBar, MessageBarBody, Spinner, Switch, Text } from '@fluentui/react-components';
import { useCallback, useId, useState } from 'react';
import { ActionsSettings } from '../ActionsSettings/ActionsSettings';
import { ConsentNotice } from '../ConsentNotice/ConsentNotice';
import { ConflictList } from '../ConflictList/ConflictList';
import { ContactFolderPicker } from '../ContactFolderPicker/ContactFolderPicker';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { FolderChangeChoice } from '../FolderChangeChoice/FolderChangeChoice';
import type { ContactFolder } from '../sync/sync-types';
import { SuppressedList } from '../SuppressedList/SuppressedList';
import { SyncPreview } from '../SyncPreview/SyncPreview';
import { SyncChoices } from '../SyncChoices/SyncChoices';
import { SyncRunPanel } from '../SyncRunPanel/SyncRunPanel';
import { useSettingsViewStyles } from './SettingsView.styles';
import { useSettings } from './useSettings';
import { useSyncPolicyTranslation } from '../sync/useSyncPolicyTranslation';

interface SettingsViewProps {
  onOpenAdmin: () => void;
  /** How often a running sync is asked for its progress. */
  pollMs?: number;
}

/**
 * The a3ERP user's steps in one place (loaded on demand): sync on for me, the contact folder
 * (or a new `ERP` one), the direction and conflict policy the admin's policy allows, actions,
 * their calendar and To Do list, a preview, "sync now" with progress, the
 * last result, conflicts and contacts deleted in Outlook.
 */
export function SettingsView({ onOpenAdmin, pollMs }: SettingsViewProps) {
  const { t } = useSyncPolicyTranslation();
  const styles = useSettingsViewStyles();
  const syncHeadingId = useId();
  const actionsHeadingId = useId();
  const { state, update, retry, giveConsent } = useSettings();
  // A finished run can add conflicts or deleted contacts: the lists below read them again.
  const [runsFinished, setRunsFinished] = useState(0);
  const onRunFinished = useCallback(() => setRunsFinished((count) => count + 1), []);
  // Another folder chosen while one is set waits for the user to say what becomes of the synced contacts.
  const [nextFolder, setNextFolder] = useState<ContactFolder>();

  if (state.status === 'loading') return <Spinner size="tiny" labelPosition="after" label={t('settings.loading')} />;
  if (state.status === 'error') return <ErrorNotice error={state.error} onRetry={retry} />;

  const { settings, policy, save } = state;
  const busy = save.status === 'saving' || save.status === 'connecting' || (save.status === 'needsConsent' && save.consenting);
  return (
    <div className={styles.root}>
      {state.syncActivated ? null : (
        <MessageBar intent="info">
          <MessageBarBody>{t(state.isAdmin ? 'settings.notActivatedAdmin' : 'settings.notActivated')}</MessageBarBody>
        </MessageBar>
      )}
      <section className={styles.group} aria-labelledby={syncHeadingId}>
        <h2 id={syncHeadingId} className={styles.heading}>
          {t('settings.syncHeading')}
        </h2>
        <Switch label={t('settings.syncEnabled')} checked={settings.enabled} disabled={busy} onChange={(_event, data) => void update({ enabled: data.checked })} />
        <Text className={styles.muted}>{t('settings.syncHint')}</Text>
        {/* The folders are read from the mailbox, which sync can reach only once it is connected. */}
        {settings.enabled && save.status !== 'connecting' ? (
          <ContactFolderPicker
            folderId={settings.contactFolderId}
            folderName={settings.contactFolderName}
            disabled={busy}
            onChoose={(folder) => {
              if (settings.contactFolderId && folder.id !== settings.contactFolderId) setNextFolder(folder);
              else void update({ contactFolderId: folder.id, contactFolderName: folder.displayName });
            }}
          />
        ) : null}
        {nextFolder && settings.enabled ? (
          <FolderChangeChoice
            from={settings.contactFolderName ?? settings.contactFolderId ?? ''}
            to={nextFolder.displayName}
            disabled={busy}
            onCancel={() => setNextFolder(undefined)}
            onConfirm={(mode) => {
              setNextFolder(undefined);
              void update({ contactFolderId: nextFolder.id, contactFolderName: nextFolder.displayName, contactFolderChange: mode });
            }}
          />
        ) : null}
        {settings.enabled ? (
          <>
            <SyncChoices collection="contacts" settings={settings} policy={policy.contacts} disabled={busy} onChange={(changes) => void update(changes)} />
            <Text className={styles.muted}>{t('settings.policyHint')}</Text>
          </>
        ) : null}
      </section>
      <div aria-live="polite">
        {save.status === 'connecting' ? <Spinner size="extra-tiny" labelPosition="after" label={t('settings.connecting')} /> : null}
        {save.status === 'saving' ? <Text>{t('settings.saving')}</Text> : null}
        {save.status === 'saved' ? <Text>{t('settings.saved')}</Text> : null}
      </div>
      {save.status === 'failed' ? <ErrorNotice error={save.error} onRetry={retry} /> : null}
      {save.status === 'needsConsent' ? <ConsentNotice consenting={save.consenting} problem={save.problem} onGiveConsent={() => void giveConsent()} /> : null}
      {/* Previews and runs are refused until the environment is activated. */}
      {settings.enabled && settings.contactFolderId && state.syncActivated ? (
        <>
          <SyncPreview />
          <SyncRunPanel pollMs={pollMs} onFinished={onRunFinished} />
        </>
      ) : null}
      {settings.enabled && !settings.contactFolderId ? <Text className={styles.muted}>{t('settings.chooseFolderFirst')}</Text> : null}
      {settings.enabled ? (
        <>
          <ConflictList refreshKey={runsFinished} />
          <SuppressedList refreshKey={runsFinished} />
        </>
      ) : null}
      <section className={styles.group} aria-labelledby={actionsHeadingId}>
        <h2 id={actionsHeadingId} className={styles.heading}>
          {t('settings.actionsHeading')}
        </h2>
        <ActionsSettings settings={settings} policy={policy} disabled={busy || !settings.enabled} onChange={(changes) => void update(changes)} />
      </section>
      {state.isAdmin ? (
        <Button className={styles.admin} onClick={onOpenAdmin}>
          {t('settings.admin')}
        </Button>
      ) : null}
    </div>
  );
}
