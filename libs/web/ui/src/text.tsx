import type { HTMLAttributes, ReactNode } from 'react';
import { cn } from './cn';

export type TextTone = 'muted' | 'ink' | 'bad' | 'warn' | 'good';
const TONES: Record<TextTone, string> = {
  muted: 'text-muted',
  ink: 'text-ink',
  bad: 'text-bad',
  warn: 'text-warn',
  good: 'text-good',
};
const SIZES = { xs: 'text-xs', sm: 'text-sm', inherit: '' } as const;

export interface TextProps extends HTMLAttributes<HTMLElement> {
  children?: ReactNode;
  /** A paragraph by default; `span` inside a line, `div` around blocks. */
  as?: 'p' | 'span' | 'div';
  /** `sm` (the default) for body text beside controls, `xs` for a line of details under a title. */
  size?: keyof typeof SIZES;
  /** `muted` (the default) for what explains or qualifies; `bad`/`warn`/`good` for an outcome said in words. */
  tone?: TextTone;
}

/**
 * Secondary text: a hint under a heading, a line of details under a title, "No payouts yet." A `span` is a block
 * of its own when asked (`block`), as a second line inside a cell.
 */
export function Text({
  as: As = 'p',
  size = 'sm',
  tone = 'muted',
  block,
  className,
  ...props
}: TextProps & { block?: boolean }) {
  return <As {...props} className={cn(SIZES[size], TONES[tone], block && 'block', className)} />;
}
