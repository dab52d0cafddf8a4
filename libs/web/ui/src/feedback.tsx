import type { ReactNode } from 'react';
import { cn } from './cn';

/** An indeterminate spinner with an accessible label. */
export function Spinner({ label = 'Loading', className }: { label?: string; className?: string }) {
  return (
    <span role="status" className={cn('inline-flex items-center gap-2 text-sm text-muted', className)}>
      <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-line border-t-accent" />
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** A grey block standing in for content while it loads. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn('animate-pulse rounded-md bg-raised', className)} />;
}

/** The page-level loading state: skeleton rows under a status announcement. */
export function LoadingState({ label = 'Loading…', rows = 3 }: { label?: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-3 py-6" data-testid="loading">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className={cn('h-6', i % 2 ? 'w-2/3' : 'w-full')} />
      ))}
    </div>
  );
}

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  /** The title's heading level: `h2` where the empty list is the page's content, `h3` inside a titled card. */
  level?: 2 | 3;
}

/** What a list shows when there is nothing in it: what it is for, and what to do next. */
export function EmptyState({ title, children, action, level = 2 }: EmptyStateProps) {
  const Title = level === 3 ? 'h3' : 'h2';
  return (
    <div
      data-testid="empty-state"
      className="flex flex-col items-center gap-3 rounded-card border border-dashed border-line px-6 py-12 text-center"
    >
      <Title className="text-lg font-semibold text-ink">{title}</Title>
      {children && <div className="max-w-md text-sm text-muted">{children}</div>}
      {action}
    </div>
  );
}

export interface ErrorStateProps {
  title?: string;
  message: string;
  onRetry?: () => void;
}

/** A failed load: what went wrong in a plain sentence, and a way to try again. */
export function ErrorState({ title = 'This could not be loaded', message, onRetry }: ErrorStateProps) {
  return (
    <div role="alert" data-testid="error-state" className="flex flex-col gap-3 rounded-card bg-bad-soft px-6 py-8">
      <h2 className="text-lg font-semibold text-bad">{title}</h2>
      <p className="text-sm text-ink">{message}</p>
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="self-start rounded-lg border border-line bg-surface px-4 py-2 text-sm font-medium text-ink hover:bg-raised"
        >
          Try again
        </button>
      )}
    </div>
  );
}

export type NoticeTone = 'info' | 'good' | 'warn' | 'bad';
const TONES: Record<NoticeTone, string> = {
  info: 'bg-accent-soft text-ink',
  good: 'bg-good-soft text-ink',
  warn: 'bg-warn-soft text-ink',
  bad: 'bg-bad-soft text-ink',
};

/** An inline message box; `bad` ones are announced as alerts. */
export function Notice({
  tone = 'info',
  children,
  className,
}: {
  tone?: NoticeTone;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div
      role={tone === 'bad' ? 'alert' : 'status'}
      className={cn('rounded-lg px-4 py-3 text-sm [overflow-wrap:anywhere]', TONES[tone], className)}
    >
      {children}
    </div>
  );
}

export type BadgeTone = 'neutral' | 'accent' | 'good' | 'warn' | 'bad';
const BADGES: Record<BadgeTone, string> = {
  neutral: 'bg-raised text-muted',
  accent: 'bg-accent-soft text-accent',
  good: 'bg-good-soft text-good',
  warn: 'bg-warn-soft text-warn',
  bad: 'bg-bad-soft text-bad',
};

/** A short label (type, status, licence right); `md` for a verdict that heads a result ("Signature verified"). */
export function Badge({
  tone = 'neutral',
  size = 'sm',
  children,
  className,
}: {
  tone?: BadgeTone;
  size?: 'sm' | 'md';
  children: ReactNode;
  className?: string;
}) {
  return (
    <span
      data-tone={tone}
      className={cn(
        'inline-flex items-center rounded-full px-2 py-0.5 font-medium',
        size === 'md' ? 'text-sm' : 'text-xs',
        BADGES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
