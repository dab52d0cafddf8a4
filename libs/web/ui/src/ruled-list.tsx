import type { HTMLAttributes, ReactNode } from 'react';
import { createContext, useContext } from 'react';
import { cn } from './cn';

const Framed = createContext(false);

export interface RuledListProps extends HTMLAttributes<HTMLUListElement> {
  children?: ReactNode;
  /** In a bordered panel of its own (a page's list); without it, the list sits inside a card. */
  framed?: boolean;
}

/** Records one under another with a rule between them: sessions, API keys, payouts, a creator's models. */
export function RuledList({ framed = false, className, ...props }: RuledListProps) {
  return (
    <Framed.Provider value={framed}>
      <ul
        {...props}
        className={cn(
          'flex flex-col divide-y divide-line',
          framed && 'rounded-card border border-line bg-surface',
          className,
        )}
      />
    </Framed.Provider>
  );
}

export interface RuledListItemProps extends HTMLAttributes<HTMLLIElement> {
  children?: ReactNode;
}

/**
 * One record: what it is on the left, its status and actions on the right, wrapping under each other when the line
 * is too narrow (a phone).
 */
export function RuledListItem({ className, ...props }: RuledListItemProps) {
  const framed = useContext(Framed);
  return (
    <li
      {...props}
      className={cn('flex flex-wrap items-center justify-between gap-x-3 gap-y-2', framed ? 'p-4' : 'py-3', className)}
    />
  );
}
