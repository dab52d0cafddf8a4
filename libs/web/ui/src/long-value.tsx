import { CopyButton } from './copy-button';
import { cn } from './cn';

/**
 * A long unbroken value — a hash, a URL, a key, a file name, a handle — that must never widen the page: it wraps at
 * any character on a narrow screen (or keeps to one line with an ellipsis when `truncate`), with a copy button so
 * the whole value is one press away however it is shown.
 */
export function LongValue({
  value,
  label,
  copy = true,
  truncate = false,
  mono = true,
  className,
  testId,
}: {
  value: string;
  /** What the value is, for the copy button ("Copy hash"). */
  label?: string;
  copy?: boolean;
  truncate?: boolean;
  mono?: boolean;
  className?: string;
  testId?: string;
}) {
  return (
    <span className={cn('inline-flex max-w-full min-w-0 items-center gap-2 align-middle', className)}>
      <code
        className={cn(
          'min-w-0 rounded bg-raised px-1.5 py-0.5 text-xs',
          mono ? 'font-mono' : 'font-sans',
          truncate ? 'truncate' : 'break-all [overflow-wrap:anywhere]',
        )}
        title={truncate ? value : undefined}
        data-testid={testId}
      >
        {value}
      </code>
      {copy && <CopyButton value={value} label={label ?? 'Copy'} className="shrink-0" />}
    </span>
  );
}
