import { Button, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolderChangeMode } from '../../domain/sync-settings';
import { useFolderChangeChoiceStyles } from './FolderChangeChoice.styles';

interface FolderChangeChoiceProps {
  from: string;
  to: string;
  disabled: boolean;
  onConfirm: (mode: FolderChangeMode) => void;
  onCancel: () => void;
}

/** Asked when the user picks another contact folder: the contacts synced so far move along, or stay behind. */
export function FolderChangeChoice({ from, to, disabled, onConfirm, onCancel }: FolderChangeChoiceProps) {
  const { t } = useTranslation();
  const styles = useFolderChangeChoiceStyles();
  const headingId = useId();
  const [mode, setMode] = useState<FolderChangeMode>('move');
  return (
    <div className={styles.root} role="group" aria-labelledby={headingId}>
      <Text id={headingId} weight="semibold">
        {t('settings.folderChangeHeading', { from })}
      </Text>
      <RadioGroup value={mode} aria-labelledby={headingId} onChange={(_event, data) => setMode(data.value === 'leave' ? 'leave' : 'move')}>
        <Radio value="move" label={t('settings.folderChangeMove', { to })} />
        <Radio value="leave" label={t('settings.folderChangeLeave', { from, to })} />
      </RadioGroup>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={disabled} onClick={() => onConfirm(mode)}>
          {t('settings.folderChangeConfirm')}
        </Button>
        <Button disabled={disabled} onClick={onCancel}>
          {t('settings.folderChangeCancel', { from })}
        </Button>
      </div>
    </div>
  );
}
