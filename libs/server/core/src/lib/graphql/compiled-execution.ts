import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';
import { GraphQLError } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import { compileQuery, isCompiledQuery } from 'graphql-jit';

/**
 * Executes operations with graphql-jit: each document is compiled once into a function, instead of graphql-js
 * walking the query tree for every field of every response — on a page of cards that walk is most of the request.
 * Parsing, validation (with the hardening rules), plugins and error formatting stay Apollo's. Wired in as Apollo's
 * gateway (the interface Apollo has for replacing execution); `capture` hands it the schema Nest builds.
 */
export function compiledExecution(): { capture: (schema: GraphQLSchema) => GraphQLSchema; gateway: GatewayInterface } {
  let schema: GraphQLSchema | undefined;
  // Apollo keeps parsed documents in its document store, so the same query is the same object across requests.
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();

  const executor: GatewayExecutor = async (request) => {
    let byOperation = compiled.get(request.document);
    if (!byOperation) {
      byOperation = new Map();
      compiled.set(request.document, byOperation);
    }
    // The name the client sent: Apollo's own `operationName` is the operation it resolved (null when it resolved
    // none), and compiling without a name would run the document's only operation under a name it does not have.
    const operationName = request.request.operationName ?? undefined;
    const name = operationName ?? '';
    let query = byOperation.get(name);
    if (!query) {
      try {
        query = compileQuery(schema!, request.document, operationName);
      } catch (error) {
        // An operationName the document does not define (or none, among several): graphql-jit throws where
        // graphql-js answers an error. Answered as such — Apollo then reports OPERATION_RESOLUTION_FAILURE, HTTP 400 —
        // and not kept, so arbitrary names cannot grow the cache.
        if (error instanceof GraphQLError) return { errors: [error] } as never;
        throw error;
      }
      byOperation.set(name, query);
    }
    if (!isCompiledQuery(query)) return withGraphqlErrors(query) as never;
    const result = (await query.query(undefined, request.context, request.request.variables ?? {})) as ExecutionResult;
    return withGraphqlErrors(result) as never;
  };

  return {
    capture: (built) => {
      schema = built;
      return built;
    },
    gateway: {
      load: () => Promise.resolve({ schema: schema!, executor }),
      onSchemaLoadOrUpdate: (callback) => {
        callback({ apiSchema: schema!, coreSupergraphSdl: '' });
        return () => undefined;
      },
      stop: () => Promise.resolve(),
    },
  };
}

/**
 * graphql-jit's located errors are its own objects: rebuilt as graphql-js errors so Apollo and formatGraphqlError see
 * the thrown error (and its typed code). Errors without a path come before any field ran — variables that do not
 * coerce — and are bad input, as graphql-js and Apollo report them.
 */
export function withGraphqlErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  return {
    ...result,
    errors: result.errors.map(
      (error) =>
        new GraphQLError(error.message, {
          path: error.path,
          originalError: (error as { originalError?: Error }).originalError ?? undefined,
          extensions: error.path ? error.extensions : { ...error.extensions, code: 'BAD_USER_INPUT' },
        }),
    ),
  };
}
