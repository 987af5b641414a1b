import { Button, Text } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErpContact } from '../../domain/erp-records';
import { useContactChooserStyles } from './ContactChooser.styles';

interface ContactChooserProps {
  email: string;
  contacts: ErpContact[];
  onChoose: (contact: ErpContact) => void;
}

/** Several ERP contacts share an address: the user picks the one this person is. */
export function ContactChooser({ email, contacts, onChoose }: ContactChooserProps) {
  const { t } = useTranslation();
  const styles = useContactChooserStyles();
  const labelId = useId();
  return (
    <div>
      <Text id={labelId}>{t('card.several', { email })}</Text>
      <ul className={styles.list} aria-labelledby={labelId}>
        {contacts.map((contact) => (
          <li key={contact.id}>
            <Button className={styles.choice} appearance="secondary" size="small" onClick={() => onChoose(contact)}>
              {t('card.choose', { name: contact.companyName ? `${contact.displayName} (${contact.companyName})` : contact.displayName })}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
