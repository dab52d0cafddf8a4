import type { HTMLAttributes, ReactNode, Ref } from 'react';
import { cn } from './cn';

/** The spacing steps pages use between blocks (Tailwind's scale: 2 = 0.5rem, 6 = 1.5rem). */
export type StackGap = 0 | 1 | 2 | 3 | 4 | 6 | 8;
const GAPS: Record<StackGap, string> = {
  0: 'gap-0',
  1: 'gap-1',
  2: 'gap-2',
  3: 'gap-3',
  4: 'gap-4',
  6: 'gap-6',
  8: 'gap-8',
};
const ALIGN = { start: 'items-start', center: 'items-center', end: 'items-end', baseline: 'items-baseline' } as const;
const JUSTIFY = { start: 'justify-start', between: 'justify-between', end: 'justify-end', center: 'justify-center' };

type StackElement =
  | 'div'
  | 'section'
  | 'article'
  | 'aside'
  | 'nav'
  | 'header'
  | 'footer'
  | 'ul'
  | 'ol'
  | 'li'
  | 'dl'
  | 'form'
  | 'fieldset'
  | 'p'
  | 'span';

export interface StackProps extends HTMLAttributes<HTMLElement> {
  children?: ReactNode;
  /** The element rendered: a list stays a list, a form a form, a section a landmark. */
  as?: StackElement;
  gap?: StackGap;
  /** `column` (the default): blocks one under another; `row`: side by side, wrapping onto new lines. */
  direction?: 'column' | 'row';
  align?: keyof typeof ALIGN;
  justify?: keyof typeof JUSTIFY;
  /** As a form: leave checking to the form's own messages. */
  noValidate?: boolean;
  ref?: Ref<HTMLElement>;
}

/**
 * Blocks one under another (or side by side) with one of the design's gaps, so pages say how far apart things are
 * rather than which flex classes make it so. Rows always wrap: nothing runs off a phone's screen.
 */
export function Stack({
  as: As = 'div',
  gap = 3,
  direction = 'column',
  align,
  justify,
  className,
  ...props
}: StackProps) {
  const Element = As as 'div';
  return (
    <Element
      {...(props as HTMLAttributes<HTMLDivElement>)}
      className={cn(
        'flex',
        direction === 'row' ? 'flex-wrap' : 'flex-col',
        GAPS[gap],
        align && ALIGN[align],
        justify && JUSTIFY[justify],
        className,
      )}
    />
  );
}

/** Short things in a wrapping row, centred on one line: badges, buttons, a label and its value. */
export function Inline({ gap = 2, align = 'center', ...props }: Omit<StackProps, 'direction'>) {
  return <Stack direction="row" gap={gap} align={align} {...props} />;
}
