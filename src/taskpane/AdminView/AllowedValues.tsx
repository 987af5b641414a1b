import { Checkbox } from '@fluentui/react-components';
import { useId } from 'react';
import { allowValue } from './allow-value';
import { useAdminViewStyles } from './AdminView.styles';

interface AllowedValuesProps<T extends string> {
  label: string;
  /** Every value in the product's order. */
  order: readonly T[];
  /** The values that may be offered at all (the configuration's). */
  offered: readonly T[];
  allowed: readonly T[];
  defaultValue: T;
  labelOf: (value: T) => string;
  disabled: boolean;
  onChange: (allowed: T[], defaultValue: T) => void;
}

/** A group of checkboxes, one per value that may be allowed; the last allowed value cannot be unchecked. */
export function AllowedValues<T extends string>({ label, order, offered, allowed, defaultValue, labelOf, disabled, onChange }: AllowedValuesProps<T>) {
  const styles = useAdminViewStyles();
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} className={styles.choices}>
      <span id={labelId}>{label}</span>
      {order
        .filter((value) => offered.includes(value))
        .map((value) => {
          const checked = allowed.includes(value);
          return (
            <Checkbox
              key={value}
              label={labelOf(value)}
              checked={checked}
              disabled={disabled || (checked && allowed.length === 1)}
              onChange={(_event, data) => {
                const next = allowValue(order, allowed, defaultValue, value, data.checked === true);
                onChange(next.allowed, next.fallback);
              }}
            />
          );
        })}
    </div>
  );
}
