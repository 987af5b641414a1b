import { Field, Select } from '@fluentui/react-components';

interface ChoiceSelectProps<T extends string> {
  label: string;
  /** The values offered, in order; nothing else can be chosen. */
  values: readonly T[];
  value: T;
  labelOf: (value: T) => string;
  disabled: boolean;
  onChoose: (value: T) => void;
}

/** A labelled native select over a fixed list of values: one of them, or nothing, is chosen. */
export function ChoiceSelect<T extends string>({ label, values, value, labelOf, disabled, onChoose }: ChoiceSelectProps<T>) {
  return (
    <Field label={label}>
      <Select
        value={value}
        disabled={disabled}
        onChange={(_event, data) => {
          const chosen = values.find((candidate) => candidate === data.value);
          if (chosen !== undefined) onChoose(chosen);
        }}
      >
        {values.map((candidate) => (
          <option key={candidate} value={candidate}>
            {labelOf(candidate)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
