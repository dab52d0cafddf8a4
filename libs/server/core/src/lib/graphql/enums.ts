import { registerEnumType } from '@nestjs/graphql';
import { MATURITY_LEVELS } from '@lookbook/kernel';

/**
 * A GraphQL enum made from the domain's own `as const` list, so the values exist once and mappers need no casts:
 * `export const ModelTypeEnum = graphqlEnum('ModelType', MODEL_TYPES)` then `@Field(() => ModelTypeEnum)`.
 * `upperCaseNames` gives lower-case values upper-case GraphQL names (`admin` → `ADMIN`).
 */
export function graphqlEnum<const V extends string>(
  name: string,
  values: readonly V[],
  options: { description?: string; upperCaseNames?: boolean; valuesMap?: Record<string, { description: string }> } = {},
): Record<string, V> {
  const enumObject = Object.fromEntries(
    values.map((value) => [options.upperCaseNames ? value.toUpperCase() : value, value]),
  ) as Record<string, V>;
  registerEnumType(enumObject, { name, description: options.description, valuesMap: options.valuesMap });
  return enumObject;
}

/** Shared by the catalog (a model's maturity), identity (a viewer's setting) and search (the filter). */
export const MaturityEnum = graphqlEnum('Maturity', MATURITY_LEVELS);
