import type { ReactNode } from 'react';
import type {
  CheckboxProps as AriaCheckboxProps,
  SelectProps as AriaSelectProps,
  TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';
import {
  Checkbox as AriaCheckbox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select as AriaSelect,
  SelectValue,
  Button as AriaButton,
  Text,
  TextArea,
  TextField as AriaTextField,
} from 'react-aria-components';
import { cn } from './cn';
import { INPUT, LABEL } from './field-styles';
import type { SelectOption } from './native-select';

export interface TextFieldProps extends AriaTextFieldProps {
  label: string;
  description?: ReactNode;
  /** A server-side or cross-field error for this field (shown under it, and marks it invalid). */
  error?: string | null;
  placeholder?: string;
  multiline?: boolean;
  rows?: number;
}

/** A labelled text input with its description and error, wired for screen readers. */
export function TextField({
  label,
  description,
  error,
  placeholder,
  multiline,
  rows,
  className,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField {...props} isInvalid={!!error || props.isInvalid} className={cn('flex flex-col gap-1', className)}>
      <Label className={LABEL}>{label}</Label>
      {multiline ? (
        <TextArea className={cn(INPUT, 'min-h-24')} placeholder={placeholder} rows={rows ?? 4} />
      ) : (
        <Input className={INPUT} placeholder={placeholder} />
      )}
      {description && (
        <Text slot="description" className="text-xs text-muted">
          {description}
        </Text>
      )}
      <FieldError className="text-xs text-bad" data-testid="field-error">
        {error}
      </FieldError>
    </AriaTextField>
  );
}

export interface SelectProps extends Omit<AriaSelectProps<SelectOption>, 'children'> {
  label: string;
  options: readonly SelectOption[];
  error?: string | null;
}

/** A labelled dropdown (React Aria Select: typeahead, keyboard, screen reader support). */
export function Select({ label, options, error, className, ...props }: SelectProps) {
  return (
    <AriaSelect {...props} isInvalid={!!error || props.isInvalid} className={cn('flex flex-col gap-1', className)}>
      <Label className={LABEL}>{label}</Label>
      <AriaButton className={cn(INPUT, 'flex items-center justify-between text-left')}>
        <SelectValue className="truncate" />
        <span aria-hidden className="text-muted">
          ▾
        </span>
      </AriaButton>
      <FieldError className="text-xs text-bad" data-testid="field-error">
        {error}
      </FieldError>
      <Popover className="min-w-(--trigger-width) rounded-lg border border-line bg-surface p-1 shadow-lg">
        <ListBox items={options} className="max-h-72 overflow-auto outline-none">
          {(option) => (
            <ListBoxItem
              id={option.id}
              className="cursor-default rounded-md px-3 py-2 text-sm text-ink outline-none data-focused:bg-accent-soft data-selected:font-semibold"
            >
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}

export interface CheckboxProps extends Omit<AriaCheckboxProps, 'children'> {
  children: ReactNode;
}

/** A checkbox with its label. */
export function Checkbox({ children, className, ...props }: CheckboxProps) {
  return (
    <AriaCheckbox {...props} className={cn('group flex items-center gap-2 text-sm text-ink', className)}>
      <span
        aria-hidden
        className="flex size-5 shrink-0 items-center justify-center rounded border border-line bg-surface group-data-selected:border-accent group-data-selected:bg-accent group-data-focus-visible:outline-2 group-data-focus-visible:outline-accent"
      >
        <svg
          viewBox="0 0 16 16"
          className="hidden size-3.5 fill-none stroke-accent-ink stroke-2 group-data-selected:block"
        >
          <path d="M3 8.5l3 3 7-7" />
        </svg>
      </span>
      {children}
    </AriaCheckbox>
  );
}
