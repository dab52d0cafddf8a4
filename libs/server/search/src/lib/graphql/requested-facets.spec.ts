import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, OperationDefinitionNode } from 'graphql';
import { Kind, parse } from 'graphql';
import { FACETS } from '../query/search-request';
import { requestedFacets } from './requested-facets';

/** The resolve info of the `search` field in a query document, with its variables. */
function infoFor(document: string, variableValues: Record<string, unknown> = {}): GraphQLResolveInfo {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    parsed.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const field = operation.selectionSet.selections[0] as FieldNode;
  return { fieldNodes: [field], fragments, variableValues } as unknown as GraphQLResolveInfo;
}

describe('requestedFacets', () => {
  it('reads the facets argument, literal or from a variable, as facet names', () => {
    expect(requestedFacets(infoFor(`{ search { total facets(facets: [BASE_MODEL, TAG, TAG]) { facet } } }`))).toEqual([
      'baseModel',
      'tag',
    ]);
    expect(
      requestedFacets(
        infoFor(`query($f: [SearchFacet!]) { search { facets(facets: $f) { facet } } }`, { f: ['COMMERCIAL_USE'] }),
      ),
    ).toEqual(['commercialUse']);
  });

  it('without an argument means every facet; without the field, none', () => {
    expect(requestedFacets(infoFor(`{ search { facets { facet } } }`))).toEqual([...FACETS]);
    expect(requestedFacets(infoFor(`{ search { total } }`))).toBeNull();
  });

  it('follows fragments and honours @include and @skip', () => {
    const document = `query($with: Boolean!) { search { ...F } } fragment F on SearchResult {
      total ... on SearchResult { facets(facets: [KIND]) @include(if: $with) { facet } } }`;
    expect(requestedFacets(infoFor(document, { with: true }))).toEqual(['kind']);
    expect(requestedFacets(infoFor(document, { with: false }))).toBeNull();
    expect(requestedFacets(infoFor(`{ search { facets @skip(if: true) { facet } } }`))).toBeNull();
  });

  it('leaves two differently asked facets fields to be answered apart', () => {
    expect(
      requestedFacets(infoFor(`{ search { a: facets(facets: [TAG]) { facet } b: facets(facets: [KIND]) { facet } } }`)),
    ).toBeNull();
  });
});
