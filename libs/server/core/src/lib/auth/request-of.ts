import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from './actor';

/** The parts of a Fastify request the plumbing reads and writes. */
export interface LookbookRequest {
  id: string;
  ip: string;
  method?: string;
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}

export function requestOf(context: ExecutionContext): LookbookRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: LookbookRequest }>().req;
  }
  return context.switchToHttp().getRequest<LookbookRequest>();
}

/** `Query`, `Mutation`, or `http` for REST. */
export function operationKind(context: ExecutionContext): 'Query' | 'Mutation' | 'Subscription' | 'field' | 'http' {
  if (context.getType<string>() !== 'graphql') return 'http';
  const parent = GqlExecutionContext.create(context).getInfo<{ parentType: { name: string } }>().parentType.name;
  return parent === 'Query' || parent === 'Mutation' || parent === 'Subscription' ? parent : 'field';
}

/** The HTTP method of a REST request (upper case). */
export function httpMethodOf(context: ExecutionContext): string {
  return (requestOf(context).method ?? 'GET').toUpperCase();
}
