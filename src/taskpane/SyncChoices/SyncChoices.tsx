import { Field, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { collectionSettingKeys } from '../../domain/collection-setting-keys';
import type { CollectionPolicy, SyncCollection } from '../../domain/sync-policy';
import type { SyncSettings } from '../../domain/sync-settings';

interface SyncChoicesProps {
  collection: SyncCollection;
  settings: SyncSettings;
  /** What the environment allows for this collection: only these values are offered. */
  policy: CollectionPolicy;
  disabled: boolean;
  onChange: (changes: Partial<SyncSettings>) => void;
}

/**
 * A collection's sync direction and, when it syncs both ways, what wins a conflict: only the
 * values the environment's sync policy allows are offered (the bridge refuses the others).
 */
export function SyncChoices({ collection, settings, policy, disabled, onChange }: SyncChoicesProps) {
  const { t } = useTranslation();
  const keys = collectionSettingKeys[collection];
  const direction = settings[keys.direction];
  const chooseDirection = (value: string) => {
    const chosen = policy.directions.find((allowed) => allowed === value);
    if (!chosen) return;
    const change: Partial<SyncSettings> = {};
    change[keys.direction] = chosen;
    onChange(change);
  };
  const chooseConflicts = (value: string) => {
    const chosen = policy.conflicts.find((allowed) => allowed === value);
    if (!chosen) return;
    const change: Partial<SyncSettings> = {};
    change[keys.conflicts] = chosen;
    onChange(change);
  };
  return (
    <>
      <Field label={t(`settings.directionLabel.${collection}`)}>
        <Select value={direction} disabled={disabled || policy.directions.length < 2} onChange={(_event, data) => chooseDirection(data.value)}>
          {policy.directions.map((value) => (
            <option key={value} value={value}>
              {t(`settings.directions.${value}`)}
            </option>
          ))}
        </Select>
      </Field>
      {/* Conflicts arise only when edits flow both ways. */}
      {direction === 'two-way' ? (
        <Field label={t(`settings.conflictsLabel.${collection}`)}>
          <Select value={settings[keys.conflicts]} disabled={disabled || policy.conflicts.length < 2} onChange={(_event, data) => chooseConflicts(data.value)}>
            {policy.conflicts.map((value) => (
              <option key={value} value={value}>
                {t(`settings.conflictPolicies.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
    </>
  );
}
