import { Button, Field, Select, Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import type { ContactFolder } from '../sync/sync-types';
import { useContactFolderPickerStyles } from './ContactFolderPicker.styles';
import { useContactFolders } from './useContactFolders';

/** The folder a3ERP users had to create by hand; here one click makes it. */
export const erpFolderName = 'ERP';

interface ContactFolderPickerProps {
  folderId: string | undefined;
  folderName: string | undefined;
  disabled: boolean;
  onChoose: (folder: ContactFolder) => void;
}

/** Where synced contacts go: one of the mailbox's contact folders, or a new `ERP` folder. */
export function ContactFolderPicker({ folderId, folderName, disabled, onChoose }: ContactFolderPickerProps) {
  const { t } = useTranslation();
  const styles = useContactFolderPickerStyles();
  const { state, create, retry } = useContactFolders();

  if (state.status === 'loading') return <Spinner size="tiny" labelPosition="after" label={t('settings.loadingFolders')} />;
  if (state.status === 'error') return <ErrorNotice error={state.error} onRetry={retry} />;

  // A chosen folder the list does not have (renamed or removed since) stays visible as chosen.
  const folders = folderId && !state.folders.some((folder) => folder.id === folderId) ? [{ id: folderId, displayName: folderName ?? folderId }, ...state.folders] : state.folders;
  const hasErpFolder = state.folders.some((folder) => folder.displayName.toLowerCase() === erpFolderName.toLowerCase());
  const createErpFolder = async () => {
    const folder = await create(erpFolderName);
    if (folder) onChoose(folder);
  };

  return (
    <div className={styles.root}>
      <Field label={t('settings.folderLabel')}>
        <Select
          value={folderId ?? ''}
          disabled={disabled || state.creating}
          onChange={(_event, data) => {
            const folder = folders.find((candidate) => candidate.id === data.value);
            if (folder) onChoose(folder);
          }}
        >
          {folderId ? null : (
            <option value="" disabled>
              {t('settings.folderPlaceholder')}
            </option>
          )}
          {folders.map((folder) => (
            <option key={folder.id} value={folder.id}>
              {folder.displayName}
            </option>
          ))}
        </Select>
      </Field>
      {hasErpFolder ? null : (
        <Button className={styles.create} disabled={disabled || state.creating} onClick={() => void createErpFolder()}>
          {state.creating ? t('settings.creatingFolder') : t('settings.createFolder', { name: erpFolderName })}
        </Button>
      )}
      {state.createError ? <ErrorNotice error={state.createError} onRetry={() => void createErpFolder()} /> : null}
    </div>
  );
}
