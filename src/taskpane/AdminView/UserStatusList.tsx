import { Caption1, Spinner, Text } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { formatDateTime } from '../format/format-date-time';
import { statusLabel } from '../sync/sync-labels';
import { useAdminViewStyles } from './AdminView.styles';
import { type UserRow, useUserSyncStatus } from './useUserSyncStatus';

/** Per-user status for the admin: sync on, folder, connected, open conflicts, last run. */
export function UserStatusList({ refreshKey }: { refreshKey: number }) {
  const { t } = useTranslation();
  const styles = useAdminViewStyles();
  const headingId = useId();
  const { state, retry } = useUserSyncStatus(refreshKey);

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t('admin.users')}
      </h2>
      {state.status === 'loading' ? <Spinner size="tiny" labelPosition="after" label={t('admin.loading')} /> : null}
      {state.status === 'error' ? <ErrorNotice error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' && state.users.length === 0 ? <Text className={styles.muted}>{t('admin.none')}</Text> : null}
      {state.status === 'ready' && state.users.length > 0 ? (
        <ul className={styles.users} aria-labelledby={headingId}>
          {state.users.map((user) => (
            <UserStatus key={`${user.tenantId}/${user.objectId}`} user={user} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function UserStatus({ user }: { user: UserRow }) {
  const { t, i18n } = useTranslation();
  const styles = useAdminViewStyles();
  const date = (iso: string) => formatDateTime(iso, i18n.language);
  const sync = !user.syncEnabled ? t('admin.syncOff') : user.contactFolderName ? t('admin.syncOn', { folder: user.contactFolderName }) : t('admin.syncOnNoFolder');
  return (
    <li className={styles.user}>
      <Text weight="semibold">{user.displayName}</Text>
      <Caption1>{user.email}</Caption1>
      <Caption1>{[sync, user.connected ? t('admin.connected') : t('admin.notConnected')].join(' · ')}</Caption1>
      <Caption1>
        {user.lastRun ? t('admin.lastRun', { status: statusLabel(t, user.lastRun.status), date: date(user.lastRun.finishedAt ?? user.lastRun.startedAt) }) : t('admin.noRun')}
        {user.openConflicts > 0 ? ` · ${t('admin.openConflicts', { count: user.openConflicts })}` : ''}
      </Caption1>
      <Caption1 className={styles.muted}>{t('admin.lastSeen', { date: date(user.lastSeenAt) })}</Caption1>
      {user.erpUserIdOverride ? <Caption1 className={styles.muted}>{t('admin.erpUser', { id: user.erpUserIdOverride })}</Caption1> : null}
    </li>
  );
}
