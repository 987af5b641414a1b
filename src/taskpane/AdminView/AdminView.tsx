import { Caption1, Spinner, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { formatDateTime } from '../format/format-date-time';
import { useAdminViewStyles } from './AdminView.styles';
import { useAdminUsers } from './useAdminUsers';

/** The environment's users, for admins (loaded on demand). Activation and consent links come in part 2. */
export function AdminView() {
  const { t, i18n } = useTranslation();
  const styles = useAdminViewStyles();
  const { state, retry } = useAdminUsers();
  return (
    <section className={styles.root} aria-label={t('admin.heading')}>
      <h2 className={styles.heading}>{t('admin.users')}</h2>
      {state.status === 'loading' ? <Spinner size="tiny" labelPosition="after" label={t('admin.loading')} /> : null}
      {state.status === 'error' ? <ErrorNotice error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' && state.users.length === 0 ? <Text className={styles.muted}>{t('admin.none')}</Text> : null}
      {state.status === 'ready' && state.users.length > 0 ? (
        <ul className={styles.users}>
          {state.users.map((user) => (
            <li key={`${user.tenantId}/${user.objectId}`} className={styles.user}>
              <Text weight="semibold">{user.displayName}</Text>
              <Caption1>{user.email}</Caption1>
              <Caption1 className={styles.muted}>{t('admin.lastSeen', { date: formatDateTime(user.lastSeenAt, i18n.language) })}</Caption1>
              {user.erpUserIdOverride ? <Caption1 className={styles.muted}>{t('admin.erpUser', { id: user.erpUserIdOverride })}</Caption1> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
