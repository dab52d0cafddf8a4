import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, OperationDefinitionNode } from 'graphql';
import { Kind, parse } from 'graphql';
import { selectedFields, selectedFieldsAt } from './selection';

/** The resolve info of the operation's first root field, as graphql-js builds it (the parts these helpers read). */
function infoOf(document: string): GraphQLResolveInfo {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    parsed.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return {
    fieldNodes: [operation.selectionSet.selections[0] as FieldNode],
    fragments,
  } as unknown as GraphQLResolveInfo;
}

describe('look-ahead', () => {
  const info = infoOf(`
    query { styleModels { nodes { id ...Card versions { id ... on ModelVersion { files { id } } } } } }
    fragment Card on StyleModel { versions { sampleImages { url } } }`);

  it('names the fields below the resolved one, through fragments and inline fragments', () => {
    expect([...selectedFields(infoOf('{ styleModel { id ...F } } fragment F on StyleModel { name }'))]).toEqual([
      'id',
      'name',
    ]);
  });

  it('merges what every path to a list asks for, and says null when nothing asks', () => {
    expect([...selectedFieldsAt(info, ['nodes', 'versions'])!].sort()).toEqual(['files', 'id', 'sampleImages']);
    expect(selectedFieldsAt(info, ['edges', 'node', 'versions'])).toBeNull();
    expect(selectedFieldsAt(info, ['nodes', 'owner'])).toBeNull();
  });
});
