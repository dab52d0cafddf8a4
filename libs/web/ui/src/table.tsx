import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { createContext, useContext } from 'react';
import { cn } from './cn';

/**
 * `normal`: a list of records (orders, licences side by side), roomy cells under a shaded header row.
 * `compact`: a short sum laid out as rows (a price, its fees, each share), label on the left, figure on the right.
 */
export type TableDensity = 'normal' | 'compact';
const CELL: Record<TableDensity, string> = { normal: 'p-3', compact: 'py-1' };

const Density = createContext<TableDensity>('normal');
/** Inside `TableHead` a `Th` heads a column; elsewhere it heads its row. */
const InHead = createContext(false);

export interface TableProps extends HTMLAttributes<HTMLTableElement> {
  /** What the table holds; a table's caption is its accessible name. */
  caption: ReactNode;
  /** Keep the caption for screen readers only (a heading or the region around it already says it). */
  captionHidden?: boolean;
  density?: TableDensity;
  /** Wider than a phone: the table keeps this width and scrolls sideways inside a `ScrollTable`. */
  minWidth?: string;
  children: ReactNode;
}

/** A table with its caption, column and row headers scoped for screen readers, and the design's cells and rules. */
export function Table({
  caption,
  captionHidden,
  density = 'normal',
  minWidth,
  className,
  style,
  children,
  ...props
}: TableProps) {
  return (
    <Density.Provider value={density}>
      <table {...props} style={minWidth ? { minWidth, ...style } : style} className={cn('w-full text-sm', className)}>
        <caption className={captionHidden ? 'sr-only' : 'mb-2 text-left text-sm font-medium text-muted'}>
          {caption}
        </caption>
        {children}
      </table>
    </Density.Provider>
  );
}

/** The header row(s): shaded, muted, its `Th`s head columns. */
export function TableHead({ children, className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return (
    <InHead.Provider value={true}>
      <thead {...props} className={cn('bg-raised text-left text-muted', className)}>
        {children}
      </thead>
    </InHead.Provider>
  );
}

/** The rows. `numeric` lines figures up (tabular digits). */
export function TableBody({
  numeric,
  className,
  ...props
}: HTMLAttributes<HTMLTableSectionElement> & { numeric?: boolean }) {
  return <tbody {...props} className={cn(numeric && 'tabular-nums', className)} />;
}

/** A row; a rule above it separates it from the one before (`divider={false}` runs rows together, as a sum's terms). */
export function TableRow({
  divider = true,
  className,
  ...props
}: HTMLAttributes<HTMLTableRowElement> & { divider?: boolean }) {
  const inHead = useContext(InHead);
  return <tr {...props} className={cn(divider && !inHead && 'border-t border-line', className)} />;
}

type CellTone = 'inherit' | 'ink' | 'muted' | 'bad';
const TONES: Record<CellTone, string> = { inherit: '', ink: 'text-ink', muted: 'text-muted', bad: 'text-bad' };
const ALIGN = { start: 'text-left', end: 'text-right' } as const;

interface CellStyle {
  /** `end` for figures, so they line up on the right. */
  align?: keyof typeof ALIGN;
  tone?: CellTone;
  /** The cell's content is what the row is about (a name, the amount that matters). */
  strong?: boolean;
}

export interface ThProps extends Omit<ThHTMLAttributes<HTMLTableCellElement>, 'align'>, CellStyle {}

/**
 * A header cell. In `TableHead` it heads its column (`scope="col"`, medium weight); in a row it heads that row
 * (`scope="row"`, normal weight, muted unless told otherwise).
 */
export function Th({ align = 'start', tone, strong, scope, className, ...props }: ThProps) {
  const density = useContext(Density);
  const inHead = useContext(InHead);
  return (
    <th
      {...props}
      scope={scope ?? (inHead ? 'col' : 'row')}
      className={cn(
        CELL[density],
        ALIGN[align],
        inHead || strong ? 'font-medium' : 'font-normal',
        TONES[tone ?? (inHead ? 'inherit' : 'muted')],
        className,
      )}
    />
  );
}

export interface TdProps extends Omit<TdHTMLAttributes<HTMLTableCellElement>, 'align'>, CellStyle {}

/** A data cell. */
export function Td({ align = 'start', tone = 'inherit', strong, className, ...props }: TdProps) {
  const density = useContext(Density);
  return <td {...props} className={cn(CELL[density], ALIGN[align], TONES[tone], strong && 'font-medium', className)} />;
}
