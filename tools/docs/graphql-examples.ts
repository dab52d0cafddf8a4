import type { ASTNode, DefinitionNode, DocumentNode, GraphQLSchema } from 'graphql';
import {
  GraphQLError,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  validate,
} from 'graphql';
import type { DocFile, DocProblem } from './markdown';
import { fencedBlocks } from './markdown';

const LANGS = new Set(['graphql', 'gql']);

/**
 * Every ```graphql block of the docs against the API's schema: operations must parse and validate (unknown fields,
 * arguments, wrong literal types, missing required arguments, unused variables…); a block of type definitions (an
 * excerpt of the schema) must name types, fields and enum values the schema has.
 */
export function checkGraphqlExamples(files: readonly DocFile[], schema: GraphQLSchema): DocProblem[] {
  const problems: DocProblem[] = [];
  for (const file of files)
    for (const block of fencedBlocks(file.text)) {
      if (!LANGS.has(block.lang) || block.code.trim() === '') continue;
      const at = (line: number | undefined) => block.line + (line ?? 1) - 1;
      let document: DocumentNode;
      try {
        document = parse(block.code);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        problems.push({ file: file.path, line: at(error.locations?.[0]?.line), message: error.message });
        continue;
      }
      const executable = document.definitions.filter(isExecutable);
      if (executable.length > 0 && executable.length < document.definitions.length) {
        problems.push({
          file: file.path,
          line: block.line,
          message: 'mixes operations and type definitions: split them into two blocks',
        });
        continue;
      }
      const errors = executable.length > 0 ? validate(schema, document) : excerptErrors(schema, document.definitions);
      for (const error of errors)
        problems.push({ file: file.path, line: at(error.locations?.[0]?.line), message: error.message });
    }
  return problems;
}

const isExecutable = (d: DefinitionNode) => d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION;

/** A schema excerpt: each type exists with that kind, and each field, input field or enum value listed exists. */
function excerptErrors(schema: GraphQLSchema, definitions: readonly DefinitionNode[]): GraphQLError[] {
  const errors: GraphQLError[] = [];
  for (const d of definitions) {
    if (!('name' in d) || !d.name) continue;
    const type = schema.getType(d.name.value);
    const fail = (message: string, node: ASTNode = d) => errors.push(new GraphQLError(message, { nodes: node }));
    if (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) {
      if (!isObjectType(type) && !isInterfaceType(type)) fail(`The schema has no type "${d.name.value}".`);
      else
        for (const f of d.fields ?? [])
          if (!type.getFields()[f.name.value]) fail(`Type "${type.name}" has no field "${f.name.value}".`, f);
    } else if (d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
      if (!isInputObjectType(type)) fail(`The schema has no input type "${d.name.value}".`);
      else
        for (const f of d.fields ?? [])
          if (!type.getFields()[f.name.value]) fail(`Input "${type.name}" has no field "${f.name.value}".`, f);
    } else if (d.kind === Kind.ENUM_TYPE_DEFINITION) {
      if (!isEnumType(type)) fail(`The schema has no enum "${d.name.value}".`);
      else
        for (const v of d.values ?? [])
          if (!type.getValue(v.name.value)) fail(`Enum "${type.name}" has no value "${v.name.value}".`, v);
    } else if (!type) fail(`The schema has no type "${d.name.value}".`);
  }
  return errors;
}
