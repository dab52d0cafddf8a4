import request from 'supertest';
import type { Server } from 'node:http';

export interface GraphqlError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
  path?: string[];
}

export interface GraphqlResponse<T> {
  status: number;
  data: T | null | undefined;
  errors: GraphqlError[] | undefined;
  headers: Record<string, string>;
}

/** POST /graphql over real HTTP (supertest). `token` is an access token or an API key. */
export async function gql<T = Record<string, unknown>>(
  server: Server,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphqlResponse<T>> {
  const req = request(server).post('/graphql').set('content-type', 'application/json');
  if (token) req.set('authorization', `Bearer ${token}`);
  const response = await req.send({ query, variables });
  const body = response.body as { data?: T | null; errors?: GraphqlError[] };
  return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
}

/** The first error's code, for assertions. */
export function errorCode(response: GraphqlResponse<unknown>): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
