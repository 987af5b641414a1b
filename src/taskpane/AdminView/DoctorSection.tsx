import { Button, Caption1, Spinner, Text } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import type { DoctorCheck } from '../sync/sync-types';
import { useAdminViewStyles } from './AdminView.styles';
import { useDoctor } from './useDoctor';

/** The admin runs the setup checks and sees one line per check, with what to do when it is not OK. */
export function DoctorSection() {
  const { t } = useTranslation();
  const styles = useAdminViewStyles();
  const headingId = useId();
  const { state, run } = useDoctor();

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t('admin.doctor.heading')}
      </h2>
      <Text className={styles.muted}>{t('admin.doctor.hint')}</Text>
      <Button className={styles.button} disabled={state.status === 'running'} onClick={() => void run()}>
        {t('admin.doctor.run')}
      </Button>
      {state.status === 'running' ? <Spinner size="tiny" labelPosition="after" label={t('admin.doctor.running')} /> : null}
      {state.status === 'error' ? <ErrorNotice error={state.error} onRetry={() => void run()} /> : null}
      {state.status === 'ready' ? (
        <>
          <Text weight="semibold" aria-live="polite">
            {state.failures + state.warnings === 0 ? t('admin.doctor.allGood') : t('admin.doctor.summary', { failures: state.failures, warnings: state.warnings })}
          </Text>
          <ul className={styles.users} aria-labelledby={headingId}>
            {state.report.checks.map((check) => (
              <CheckLine key={check.name} check={check} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function CheckLine({ check }: { check: DoctorCheck }) {
  const { t } = useTranslation();
  const styles = useAdminViewStyles();
  return (
    <li className={styles.user}>
      <Text weight="semibold">{`${t(`admin.doctor.status.${check.status}`)} · ${t(`admin.doctor.checks.${check.name}`)}`}</Text>
      <Caption1>{check.message}</Caption1>
      {check.fix ? <Caption1 className={styles.muted}>{t('admin.doctor.fix', { fix: check.fix })}</Caption1> : null}
    </li>
  );
}
