import type { ApolloServerPlugin, GraphQLRequestListener, GraphQLResponse } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { OperationTypeNode } from 'graphql';
import type { PublicCatalogChanges } from '../database/public-changes';
import { RequestOrigin } from '../http/public-url';

interface CacheContext {
  req: { headers: Record<string, string | string[] | undefined> };
}

export interface PublicResponseCacheOptions {
  ttlMs: number;
  maxEntries: number;
  changes: PublicCatalogChanges;
}

/**
 * Caches the results of anonymous queries in-process for a few seconds: every anonymous visitor sees the same public
 * catalog, so the discover page under load is computed once per change, not once per visitor. Never per-user data:
 * a request with any credential bypasses it entirely. Dropped on every committed public catalog write (from any
 * process, via LISTEN/NOTIFY) and at once on a mutation in this process; a result computed across a write, or while
 * the listener is down, is not stored. `x-cache` says HIT or MISS.
 */
export function publicResponseCache(options: PublicResponseCacheOptions): ApolloServerPlugin<CacheContext> {
  const entries = new Map<string, { result: FormattedExecutionResult; at: number }>();
  let generation = 0;
  let subscribed = false;
  const drop = () => {
    generation += 1;
    entries.clear();
  };

  const store = (key: string, startedIn: number, response: GraphQLResponse) => {
    if (response.body.kind !== 'single' || response.http.headers.get('x-cache') === 'HIT') return;
    response.http.headers.set('x-cache', 'MISS');
    const result = response.body.singleResult;
    if (result.errors?.length || generation !== startedIn || !options.changes.live) return;
    entries.delete(key);
    entries.set(key, { result, at: Date.now() });
    // A Map iterates oldest first: drop from the front past the cap.
    for (const oldest of entries.keys()) {
      if (entries.size <= options.maxEntries) break;
      entries.delete(oldest);
    }
  };

  const listener = (
    request: { query?: string; operationName?: string; variables?: Record<string, unknown> },
    headers: CacheContext['req']['headers'],
  ): GraphQLRequestListener<CacheContext> | undefined => {
    if (options.ttlMs === 0) return undefined;
    if (!subscribed) {
      subscribed = true;
      options.changes.subscribe(drop);
    }
    if (headers['authorization'] || headers['x-api-key'] || !request.query) {
      // A mutation in this process drops the cache at once (other writers reach it through NOTIFY, a moment later).
      return {
        willSendResponse: ({ operation }) => {
          if (operation?.operation === OperationTypeNode.MUTATION) drop();
          return Promise.resolve();
        },
      };
    }
    // Without PUBLIC_URL, absolute URLs in an answer (a licence's verifyUrl) name the origin it was asked on.
    const key = JSON.stringify([
      RequestOrigin.current() ?? null,
      request.query,
      request.operationName ?? null,
      request.variables ?? null,
    ]);
    const startedIn = generation;
    return {
      responseForOperation: ({ operation, response }) => {
        const hit = operation.operation === OperationTypeNode.QUERY ? entries.get(key) : undefined;
        if (!hit || Date.now() - hit.at > options.ttlMs) return Promise.resolve(null);
        response.http.headers.set('x-cache', 'HIT');
        return Promise.resolve({ http: response.http, body: { kind: 'single', singleResult: hit.result } });
      },
      willSendResponse: ({ response, operation }) => {
        if (operation?.operation === OperationTypeNode.QUERY) store(key, startedIn, response);
        return Promise.resolve();
      },
    };
  };

  return {
    requestDidStart: ({ request, contextValue }) => Promise.resolve(listener(request, contextValue.req.headers)),
  };
}
