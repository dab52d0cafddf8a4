import type { EntityMetadata, ObjectLiteral, ValueTransformer } from 'typeorm';

const TIME_TYPES = new Set(['timestamptz', 'timestamp', 'timestamp with time zone', 'date']);

/**
 * An entity from a raw row or from `row_to_json(row)`: how a repository reads child rows aggregated into one statement
 * (`json_agg`), or runs fixed SQL on a hot path without a query builder per call, and still gets the entity TypeORM
 * would have built — column names mapped to properties, timestamps to Dates, transformers applied.
 */
export function entityFromRow<E extends ObjectLiteral>(metadata: EntityMetadata, json: Record<string, unknown>): E {
  const entity: Record<string, unknown> = {};
  for (const column of metadata.columns) {
    let value = json[column.databaseName];
    if (value === undefined) continue;
    if (value !== null && TIME_TYPES.has(String(column.type))) value = new Date(value as string);
    const transformer = column.transformer as ValueTransformer | undefined;
    if (transformer && !Array.isArray(transformer)) value = transformer.from(value);
    entity[column.propertyName] = value;
  }
  return entity as E;
}
