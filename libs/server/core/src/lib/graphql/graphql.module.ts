import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloDriver } from '@nestjs/apollo';
import type { DynamicModule } from '@nestjs/common';
import type { GraphQLSchema } from 'graphql';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { AppConfig } from '../config/config';
import { formatGraphqlError } from './error-mapping';
import { PublicCatalogChanges } from '../database/public-changes';
import { compiledExecution } from './compiled-execution';
import { LoaderRegistry } from './loaders';
import { resolvePreloadedFields } from './preloaded';
import { publicResponseCache } from './public-response-cache';

/**
 * GraphQL at /graphql, code-first, hardened: depth/alias/cost/token limits, no HTTP batching, and in production no
 * introspection and no "did you mean" suggestions. Errors go through formatGraphqlError (stable codes, no stacks).
 */
@Module({})
export class GraphqlApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    const armor = new ApolloArmor({
      // Introspection queries are deep by nature, so they are held to the same depth limit (they are off in production).
      maxDepth: { n: config.graphql.maxDepth, ignoreIntrospection: false, flattenFragments: true },
      maxAliases: { n: config.graphql.maxAliases },
      costLimit: { maxCost: config.graphql.maxCost, ignoreIntrospection: true, flattenFragments: true },
      // The token limit is graphql-js's own parser option (below): armor's version throws from a plugin hook, which
      // Apollo answers with HTTP 500 instead of a 400 parse error.
      maxTokens: { enabled: false },
      maxDirectives: { n: 20 },
      blockFieldSuggestion: { enabled: config.isProduction },
    }).protect();
    return {
      module: GraphqlApiModule,
      imports: [
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [PublicCatalogChanges],
          useFactory: (changes: PublicCatalogChanges) => {
            const execution = compiledExecution();
            return {
              transformSchema: (schema: GraphQLSchema) => execution.capture(resolvePreloadedFields(schema)),
              gateway: execution.gateway,
              path: '/graphql',
              autoSchemaFile: true,
              sortSchema: true,
              introspection: !config.isProduction,
              allowBatchedHttpRequests: false,
              parseOptions: { maxTokens: config.graphql.maxTokens },
              includeStacktraceInErrorResponses: false,
              csrfPrevention: true,
              playground: false,
              graphiql: false,
              plugins: [
                ...armor.plugins,
                // Its per-field hook wraps every resolver; we cache whole anonymous responses instead (below).
                ApolloServerPluginCacheControlDisabled(),
                publicResponseCache({ ttlMs: config.publicCacheTtlMs, maxEntries: 1000, changes }),
              ],
              validationRules: armor.validationRules,
              formatError: formatGraphqlError,
              context: (request: unknown, reply: unknown) => ({ req: request, reply, loaders: new LoaderRegistry() }),
            };
          },
        }),
      ],
    };
  }
}
