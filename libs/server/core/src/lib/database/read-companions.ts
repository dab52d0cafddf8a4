/**
 * A column another domain adds to a read page's main statement, so facts it owns about the rows (a card's counts, the
 * viewer's like) come back with them instead of in a statement of their own (ARCHITECTURE §9: a card's counts add no
 * statement; decision 0027). The owning domain registers it once at start-up; the domain that runs the statement
 * appends every registered column to its select (in its repository) and hands the values back as preloaded GraphQL
 * fields. The SQL of a
 * column lives in the owning domain's repository; it may use the named parameter `:companionViewer` (the viewer's id,
 * null when signed out).
 */
export interface ReadCompanion {
  /** Unique per table; the value comes back as the column `companion_<name>`. */
  name: string;
  /** A scalar SQL expression over the row (`alias` is the table's alias in the statement). */
  column(alias: string): string;
  /** The argument-less GraphQL fields this value answers, to preload on the row's object. */
  fields(value: unknown): Record<string, unknown>;
}

const registered = new Map<string, Map<string, ReadCompanion>>();

export const ReadCompanions = {
  /** Adds (or replaces, by name) a companion column of `table` (e.g. `catalog.style_model`). */
  register(table: string, companion: ReadCompanion): void {
    let columns = registered.get(table);
    if (!columns) registered.set(table, (columns = new Map<string, ReadCompanion>()));
    columns.set(companion.name, companion);
  },
  of(table: string): ReadCompanion[] {
    return [...(registered.get(table)?.values() ?? [])];
  },
  /** The preloaded fields of a row read with the companions of `table` (`values` by companion name; none: none). */
  fieldsOf(table: string, values: Record<string, unknown> | undefined): Record<string, unknown> {
    if (!values) return {};
    const fields: Record<string, unknown> = {};
    for (const companion of ReadCompanions.of(table))
      if (companion.name in values) Object.assign(fields, companion.fields(values[companion.name]));
    return fields;
  },
};

/** A row read with its companions: their values by name (absent when read without them). */
export type WithCompanions<E> = E & { companions?: Record<string, unknown> };
