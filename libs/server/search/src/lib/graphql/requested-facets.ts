import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, Kind, valueFromASTUntyped } from 'graphql';
import type { Facet } from '../query/search-request';
import { FACETS } from '../query/search-request';
import { SearchFacetEnum } from './search.objects';

/**
 * The facets a `search` selection asks for in its one `facets` field (null: none, or several `facets` fields with
 * their own arguments — those are answered apart). Lets the search answer hits and counts together.
 */
export function requestedFacets(info: GraphQLResolveInfo): Facet[] | null {
  const found: (readonly string[] | null)[] = [];
  const visit = (set: SelectionSetNode | undefined) => {
    for (const node of set?.selections ?? []) {
      const skip = getDirectiveValues(GraphQLSkipDirective, node, info.variableValues);
      const include = getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues);
      if (skip?.['if'] === true || include?.['if'] === false) continue;
      if (node.kind === Kind.FIELD && node.name.value === 'facets') {
        const arg = node.arguments?.find((a) => a.name.value === 'facets');
        const value = arg ? valueFromASTUntyped(arg.value, info.variableValues) : null;
        // Enum values arrive as their names; a single value stands for a list of one (GraphQL input coercion).
        const names: unknown[] | null = Array.isArray(value) ? value : value == null ? null : [value];
        found.push(names && names.every((n): n is string => typeof n === 'string') ? names : names && ['?']);
      } else if (node.kind === Kind.INLINE_FRAGMENT) visit(node.selectionSet);
      else if (node.kind === Kind.FRAGMENT_SPREAD) visit(info.fragments[node.name.value]?.selectionSet);
    }
  };
  for (const field of info.fieldNodes) visit(field.selectionSet);
  if (found.length !== 1) return null;
  const names = found[0];
  if (!names) return [...FACETS];
  const facets = names.map((name) => SearchFacetEnum[name]);
  // An unknown name fails validation before resolvers run; the guard keeps the type honest.
  return facets.every((f): f is Facet => f !== undefined) ? [...new Set(facets)] : null;
}
