import type { TypedDocumentString } from '../gql/graphql';
import { ApiError } from './api-error';
import { sessionStore } from './session-store';

interface GraphqlBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

const REFRESH = `mutation Refresh($token: String!) {
  refreshSession(refreshToken: $token) { accessToken accessTokenExpiresAt refreshToken }
}`;
const EXPIRED = new Set(['ACCESS_TOKEN_EXPIRED', 'INVALID_TOKEN', 'UNAUTHENTICATED']);
const SIGNED_OUT = new Set(['SESSION_REVOKED', 'REFRESH_TOKEN_EXPIRED', 'INVALID_REFRESH_TOKEN']);

async function post<T>(query: string, variables: unknown, token?: string): Promise<GraphqlBody<T>> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('NETWORK', 'The server could not be reached');
  }
  if (response.status === 429) throw new ApiError('RATE_LIMITED', 'Too many requests');
  try {
    return (await response.json()) as GraphqlBody<T>;
  } catch {
    throw new ApiError(response.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR', response.statusText);
  }
}

const firstError = (body: GraphqlBody<unknown>): ApiError | null => {
  const error = body.errors?.[0];
  if (!error) return null;
  const { code, ...details } = error.extensions ?? {};
  return new ApiError(code ?? 'INTERNAL_SERVER_ERROR', error.message, details);
};

// One refresh at a time: parallel queries that all find the token expired wait for the same new pair.
let refreshing: Promise<string | null> | null = null;

function refreshAccessToken(): Promise<string | null> {
  refreshing ??= (async () => {
    const tokens = sessionStore.get();
    if (!tokens) return null;
    const body = await post<{
      refreshSession: { accessToken: string; accessTokenExpiresAt: string; refreshToken: string };
    }>(REFRESH, { token: tokens.refreshToken });
    const error = firstError(body);
    if (error || !body.data) {
      if (!error || SIGNED_OUT.has(error.code) || EXPIRED.has(error.code)) sessionStore.set(null);
      return null;
    }
    sessionStore.set(body.data.refreshSession);
    return body.data.refreshSession.accessToken;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * Runs a typed GraphQL document as the signed-in person (or anonymously). An expired access token is refreshed once
 * and the call retried; the first GraphQL error becomes an ApiError with the server's code.
 */
export async function execute<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  const query = document.toString();
  let token = sessionStore.get()?.accessToken;
  let body = await post<TResult>(query, variables ?? {}, token);
  let error = firstError(body);
  if (error && token && EXPIRED.has(error.code)) {
    token = (await refreshAccessToken()) ?? undefined;
    body = await post<TResult>(query, variables ?? {}, token);
    error = firstError(body);
  }
  // The session was ended elsewhere (signed out on another device, a password reset): this browser is signed out too.
  if (error && token && SIGNED_OUT.has(error.code)) sessionStore.set(null);
  if (error) throw error;
  return body.data as TResult;
}

/**
 * A REST call as the signed-in person (the few routes that take raw bytes, like sample images), with the same
 * refresh-once rule and the same typed errors (`{ error: { code, message, details } }`).
 */
export async function restRequest<T>(path: string, init: RequestInit): Promise<T> {
  const send = async (token: string | undefined) => {
    try {
      return await fetch(path, {
        ...init,
        headers: { ...init.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    } catch {
      throw new ApiError('NETWORK', 'The server could not be reached');
    }
  };
  const read = async (response: Response) =>
    (await response.json().catch(() => ({}))) as {
      error?: { code: string; message: string; details?: Record<string, unknown> };
    };
  let response = await send(sessionStore.get()?.accessToken);
  if (response.status === 401) {
    const token = await refreshAccessToken();
    if (token) response = await send(token);
  }
  if (response.ok) return (await response.json()) as T;
  if (response.status === 429) throw new ApiError('RATE_LIMITED', 'Too many requests');
  const { error } = await read(response);
  throw new ApiError(error?.code ?? 'INTERNAL_SERVER_ERROR', error?.message ?? response.statusText, error?.details);
}
