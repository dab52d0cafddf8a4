import type { HTMLAttributes, ReactNode } from 'react';
import { useId } from 'react';
import { cn } from './cn';
import type { StackGap } from './stack';
import { Stack } from './stack';

export type HeadingLevel = 2 | 3 | 4;
export type HeadingSize = 'lg' | 'base' | 'sm';
const SIZES: Record<HeadingSize, string> = {
  lg: 'text-lg font-semibold',
  base: 'text-base font-semibold',
  sm: 'text-sm font-semibold',
};
/** A section of a page is `lg`; a part of a card or of a section (`h3`) is smaller. */
const SIZE_OF_LEVEL: Record<HeadingLevel, HeadingSize> = { 2: 'lg', 3: 'base', 4: 'sm' };

export interface SectionHeadingProps extends Omit<HTMLAttributes<HTMLHeadingElement>, 'children'> {
  children: ReactNode;
  /** `h2` for a page's sections and cards (the page title is the `h1`), `h3` inside them. */
  level?: HeadingLevel;
  size?: HeadingSize;
  tone?: 'ink' | 'muted';
  /** A sentence under the heading saying what the section is for. */
  description?: ReactNode;
  /** Controls that act on the whole section, on the heading's right (they wrap under it on a phone). */
  actions?: ReactNode;
  /**
   * No space under the heading: it sits in a `Stack` or `Section`, whose gap separates it from what follows. By
   * default a heading leaves the space a card's heading needs before its content.
   */
  flush?: boolean;
}

/** The heading of a part of a page or of a card: one size per level, one space under it, everywhere. */
export function SectionHeading({
  children,
  level = 2,
  size = SIZE_OF_LEVEL[level],
  tone = 'ink',
  description,
  actions,
  flush,
  className,
  ...props
}: SectionHeadingProps) {
  const H = `h${level}` as const;
  const heading = (
    <H
      {...props}
      className={cn(
        SIZES[size],
        tone === 'muted' && 'text-muted',
        !flush && !description && !actions && 'mb-3',
        className,
      )}
    >
      {children}
    </H>
  );
  if (!description && !actions) return heading;
  return (
    <div className={cn('flex flex-wrap items-end justify-between gap-x-3 gap-y-2', !flush && 'mb-3')}>
      <div className="min-w-0">
        {heading}
        {description && <p className="mt-1 text-sm text-muted">{description}</p>}
      </div>
      {actions}
    </div>
  );
}

export interface SectionProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  /** The heading; it names the section for screen readers too (a labelled region). */
  title: ReactNode;
  children?: ReactNode;
  level?: HeadingLevel;
  size?: HeadingSize;
  tone?: SectionHeadingProps['tone'];
  description?: ReactNode;
  actions?: ReactNode;
  /** The heading's id (for links to the section); one is made up when absent. */
  headingId?: string;
  gap?: StackGap;
}

/** A titled part of a page: a `<section>` labelled by its heading, its content under it. */
export function Section({
  title,
  children,
  level,
  size,
  tone,
  description,
  actions,
  headingId,
  gap = 3,
  ...props
}: SectionProps) {
  const generated = useId();
  const id = headingId ?? generated;
  return (
    <Stack as="section" gap={gap} aria-labelledby={id} {...props}>
      <SectionHeading id={id} level={level} size={size} tone={tone} description={description} actions={actions} flush>
        {title}
      </SectionHeading>
      {children}
    </Stack>
  );
}
