import { Button, Field, SearchBox, Spinner, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErpContact } from '../../domain/erp-records';
import { ContactDetails } from '../ContactDetails/ContactDetails';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { useContactSearchStyles } from './ContactSearch.styles';
import { useContactSearch } from './useContactSearch';

interface ContactSearchProps {
  /** Extra buttons for the opened contact (the compose view adds "insert" and "add as recipient"). */
  renderContactActions?: (contact: ErpContact) => ReactNode;
}

/** Search ERP contacts by name or company and open one. */
export function ContactSearch({ renderContactActions }: ContactSearchProps) {
  const { t } = useTranslation();
  const styles = useContactSearchStyles();
  const { text, state, selected, search, select, retry } = useContactSearch();

  return (
    <section className={styles.root} aria-label={t('search.label')}>
      <Field label={t('search.label')}>
        <SearchBox value={text} placeholder={t('search.placeholder')} onChange={(_event, data) => search(data.value)} />
      </Field>
      {state.status === 'searching' ? <Spinner size="extra-tiny" labelPosition="after" label={t('search.searching')} /> : null}
      {state.status === 'empty' ? <Text className={styles.muted}>{t('search.none', { text: text.trim() })}</Text> : null}
      {state.status === 'error' ? <ErrorNotice error={state.error} onRetry={retry} /> : null}
      {state.status === 'results' && !selected ? (
        <ul className={styles.results} aria-label={t('search.results')}>
          {state.contacts.map((contact) => (
            <li key={contact.id}>
              <Button className={styles.result} appearance="subtle" size="small" onClick={() => select(contact)} aria-label={t('search.open', { name: contact.displayName })}>
                {contact.companyName ? `${contact.displayName} · ${contact.companyName}` : contact.displayName}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {selected ? (
        <div className={styles.selected}>
          <ContactDetails contact={selected} />
          {renderContactActions?.(selected)}
        </div>
      ) : null}
    </section>
  );
}
