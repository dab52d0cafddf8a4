import { useState } from 'react';
import { TextField } from '@lookbook/web-ui';

/** A number typed as text (kept as typed, so "12." can become "12.5"); reports the parsed value, NaN when invalid. */
export function CapField({
  label,
  value,
  format,
  parse,
  onChange,
  error,
  description,
  editable,
}: {
  label: string;
  value: number | null;
  format: (value: number) => string;
  parse: (text: string) => number | null;
  onChange: (value: number | null) => void;
  error?: string;
  description?: string;
  editable: boolean;
}) {
  const [text, setText] = useState(() => (value === null || Number.isNaN(value) ? '' : format(value)));
  return (
    <TextField
      label={label}
      value={text}
      onChange={(next) => {
        setText(next);
        onChange(parse(next));
      }}
      error={error}
      description={description}
      inputMode="decimal"
      isDisabled={!editable}
    />
  );
}
