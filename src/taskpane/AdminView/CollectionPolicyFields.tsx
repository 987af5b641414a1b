import type { CollectionPolicy, SyncCollection } from '../../domain/sync-policy';
import { conflictPolicies, syncDirections } from '../../domain/sync-settings';
import { ChoiceSelect } from '../ChoiceSelect/ChoiceSelect';
import { AllowedValues } from './AllowedValues';
import { useAdminViewStyles } from './AdminView.styles';
import { useSyncPolicyTranslation } from '../sync/useSyncPolicyTranslation';

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
  const { t } = useSyncPolicyTranslation();
  const styles = useAdminViewStyles();
  const directionLabel = (value: CollectionPolicy['defaultDirection']) => t(`settings.directions.${value}`);
  const conflictsLabel = (value: CollectionPolicy['defaultConflicts']) => t(`settings.conflictPolicies.${value}`);
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{t(`admin.collections.${collection}`)}</legend>
      <AllowedValues
        label={t('admin.allowedDirections')} order={syncDirections} offered={configured.directions} allowed={policy.directions} defaultValue={policy.defaultDirection}
        labelOf={directionLabel} disabled={disabled} onChange={(directions, defaultDirection) => onChange({ ...policy, directions, defaultDirection })}
      />
      <ChoiceSelect
        label={t('admin.defaultDirection')} values={policy.directions} value={policy.defaultDirection} labelOf={directionLabel} disabled={disabled}
        onChoose={(defaultDirection) => onChange({ ...policy, defaultDirection })}
      />
      <AllowedValues
        label={t('admin.allowedConflicts')} order={conflictPolicies} offered={configured.conflicts} allowed={policy.conflicts} defaultValue={policy.defaultConflicts}
        labelOf={conflictsLabel} disabled={disabled} onChange={(conflicts, defaultConflicts) => onChange({ ...policy, conflicts, defaultConflicts })}
      />
      <ChoiceSelect
        label={t('admin.defaultConflicts')} values={policy.conflicts} value={policy.defaultConflicts} labelOf={conflictsLabel} disabled={disabled}
        onChoose={(defaultConflicts) => onChange({ ...policy, defaultConflicts })}
      />
    </fieldset>
  );
}
