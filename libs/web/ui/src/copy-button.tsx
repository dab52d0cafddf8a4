import { useState } from 'react';
import { Button } from './button';

/** Copies `value` to the clipboard and says so (for hashes, trigger words, links, API keys). */
export function CopyButton({
  value,
  label = 'Copy',
  className,
}: {
  value: string;
  label?: string;
  className?: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      className={className}
      aria-label={`${label}: ${value.length > 40 ? `${value.slice(0, 12)}…` : value}`}
      onPress={() => {
        void navigator.clipboard?.writeText(value).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        });
      }}
    >
      <span aria-live="polite">{copied ? 'Copied' : label}</span>
    </Button>
  );
}
