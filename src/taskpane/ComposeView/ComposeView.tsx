import { useTranslation } from 'react-i18next';
import { ComposeContactActions } from '../ComposeContactActions/ComposeContactActions';
import { ContactSearch } from '../ContactSearch/ContactSearch';
import { useComposeViewStyles } from './ComposeView.styles';

/** Writing a message: find an ERP contact, insert their details or add them as a recipient. Loaded on demand. */
export function ComposeView() {
  const { t } = useTranslation();
  const styles = useComposeViewStyles();
  return (
    <div className={styles.root}>
      <h2 className={styles.heading}>{t('compose.heading')}</h2>
      <ContactSearch renderContactActions={(contact) => <ComposeContactActions key={contact.id} contact={contact} />} />
    </div>
  );
}
