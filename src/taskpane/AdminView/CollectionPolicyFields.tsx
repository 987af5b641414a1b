import { Checkbox, Field, Select } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionPolicy, SyncCollection } from '../../domain/sync-policy';
import { conflictPolicies, syncDirections } from '../../domain/sync-settings';
import { allowValue } from './allow-value';
import { useAdminViewStyles } from './AdminView.styles';

interface CollectionPolicyFieldsProps {
  collection: SyncCollection;
  policy: CollectionPolicy;
  /** The configuration's limits: only its values are offered. */
  configured: CollectionPolicy;
  disabled: boolean;
  onChange: (next: CollectionPolicy) => void;
}

/** One collection of the sync policy: the directions and conflict rules users may choose (checkboxes) and the defaults (selects). */
export function CollectionPolicyFields({ collection, policy, configured, disabled, onChange }: CollectionPolicyFieldsProps) {
  const { t } = useTranslation();
  const styles = useAdminViewStyles();
  const directionsId = useId();
  const conflictsId = useId();
  const directions = syncDirections.filter((value) => configured.directions.includes(value));
  const conflicts = conflictPolicies.filter((value) => configured.conflicts.includes(value));
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{t(`admin.collections.${collection}`)}</legend>
      <div role="group" aria-labelledby={directionsId} className={styles.choices}>
        <span id={directionsId}>{t('admin.allowedDirections')}</span>
        {directions.map((value) => {
          const checked = policy.directions.includes(value);
          return (
            <Checkbox
              key={value}
              label={t(`settings.directions.${value}`)}
              checked={checked}
              disabled={disabled || (checked && policy.directions.length === 1)}
              onChange={(_event, data) => {
                const next = allowValue(syncDirections, policy.directions, policy.defaultDirection, value, data.checked === true);
                onChange({ ...policy, directions: next.allowed, defaultDirection: next.fallback });
              }}
            />
          );
        })}
      </div>
      <Field label={t('admin.defaultDirection')}>
        <Select
          value={policy.defaultDirection}
          disabled={disabled}
          onChange={(_event, data) => {
            const chosen = policy.directions.find((value) => value === data.value);
            if (chosen) onChange({ ...policy, defaultDirection: chosen });
          }}
        >
          {policy.directions.map((value) => (
            <option key={value} value={value}>
              {t(`settings.directions.${value}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div role="group" aria-labelledby={conflictsId} className={styles.choices}>
        <span id={conflictsId}>{t('admin.allowedConflicts')}</span>
        {conflicts.map((value) => {
          const checked = policy.conflicts.includes(value);
          return (
            <Checkbox
              key={value}
              label={t(`settings.conflictPolicies.${value}`)}
              checked={checked}
              disabled={disabled || (checked && policy.conflicts.length === 1)}
              onChange={(_event, data) => {
                const next = allowValue(conflictPolicies, policy.conflicts, policy.defaultConflicts, value, data.checked === true);
                onChange({ ...policy, conflicts: next.allowed, defaultConflicts: next.fallback });
              }}
            />
          );
        })}
      </div>
      <Field label={t('admin.defaultConflicts')}>
        <Select
          value={policy.defaultConflicts}
          disabled={disabled}
          onChange={(_event, data) => {
            const chosen = policy.conflicts.find((value) => value === data.value);
            if (chosen) onChange({ ...policy, defaultConflicts: chosen });
          }}
        >
          {policy.conflicts.map((value) => (
            <option key={value} value={value}>
              {t(`settings.conflictPolicies.${value}`)}
            </option>
          ))}
        </Select>
      </Field>
    </fieldset>
  );
}
