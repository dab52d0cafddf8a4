import { useId } from 'react';
import { cn } from './cn';
import { INPUT, LABEL } from './field-styles';

export interface SelectOption {
  id: string;
  label: string;
}

export interface NativeSelectProps {
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  disabled?: boolean;
  className?: string;
}

/**
 * The platform's own select, styled: for always-visible filters on pages that must stay light (it needs no script
 * of its own, and phones show their native picker).
 */
export function NativeSelect({ label, value, options, onChange, disabled, className }: NativeSelectProps) {
  const id = useId();
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <select
        id={id}
        className={INPUT}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
