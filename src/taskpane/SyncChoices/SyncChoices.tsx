import { collectionSettingKeys } from '../../domain/collection-setting-keys';
import type { CollectionPolicy, SyncCollection } from '../../domain/sync-policy';
import type { SyncSettings } from '../../domain/sync-settings';
import { ChoiceSelect } from '../ChoiceSelect/ChoiceSelect';
import { useSyncPolicyTranslation } from '../sync/useSyncPolicyTranslation';

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
 * values the environment's sync policy allows are offered (the bridge refuses the others). A
 * value the admin fixed shows alone and cannot be changed.
 */
export function SyncChoices({ collection, settings, policy, disabled, onChange }: SyncChoicesProps) {
  const { t } = useSyncPolicyTranslation();
  const keys = collectionSettingKeys[collection];
  const direction = settings[keys.direction];
  return (
    <>
      <ChoiceSelect
        label={t(`settings.directionLabel.${collection}`)}
        values={policy.directions}
        value={direction}
        labelOf={(value) => t(`settings.directions.${value}`)}
        disabled={disabled || policy.directions.length < 2}
        onChoose={(chosen) => {
          const change: Partial<SyncSettings> = {};
          change[keys.direction] = chosen;
          onChange(change);
        }}
      />
      {/* Conflicts arise only when edits flow both ways. */}
      {direction === 'two-way' ? (
        <ChoiceSelect
          label={t(`settings.conflictsLabel.${collection}`)}
          values={policy.conflicts}
          value={settings[keys.conflicts]}
          labelOf={(value) => t(`settings.conflictPolicies.${value}`)}
          disabled={disabled || policy.conflicts.length < 2}
          onChoose={(chosen) => {
            const change: Partial<SyncSettings> = {};
            change[keys.conflicts] = chosen;
            onChange(change);
          }}
        />
      ) : null}
    </>
  );
}
