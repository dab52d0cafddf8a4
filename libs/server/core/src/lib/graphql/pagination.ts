import type { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { ValidationError } from '@lookbook/kernel';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Hard cap on `first`: larger requests are refused with PAGE_SIZE_TOO_LARGE, never silently served. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Opaque cursor: return items after this one.' })
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Page<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/** Relay-style connection type: `XConnection { edges { cursor node } nodes pageInfo }`. */
export function Connection<T>(nodeType: Type<T>, name: string): Type<Page<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => nodeType) node!: T;
  }
  @ObjectType(`${name}Connection`, { isAbstract: false })
  class ConnectionClass {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => [nodeType]) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

export function pageSize(args: ConnectionArgs): number {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new ValidationError('PAGE_SIZE_TOO_LARGE', `first must be between 1 and ${MAX_PAGE_SIZE}`, {
      max: MAX_PAGE_SIZE,
    });
  }
  return first;
}

interface Keyset {
  t: string; // sort timestamp (ISO)
  id: string;
}

function encodeCursor(key: Keyset): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): Keyset {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Keyset>;
    if (typeof parsed.t === 'string' && typeof parsed.id === 'string' && !Number.isNaN(Date.parse(parsed.t))) {
      return { t: parsed.t, id: parsed.id };
    }
  } catch {
    // fall through
  }
  throw new ValidationError('INVALID_CURSOR', 'The cursor is not valid for this list');
}

/**
 * Keyset pagination, newest first, on (`<alias>.<timeColumn>`, `<alias>.id`): stable under inserts, one indexed query
 * per page. Maps rows with `map` so entities never leave their domain.
 */
export async function paginateNewestFirst<E extends ObjectLiteral & { id: string }, T>(
  qb: SelectQueryBuilder<E>,
  args: ConnectionArgs,
  timeColumn: keyof E & string,
  map: (row: E) => T,
  /** Runs the finished query (default `getMany`), e.g. to read companion columns with the rows. */
  rowsOf: (qb: SelectQueryBuilder<E>) => Promise<E[]> = (q) => q.getMany(),
): Promise<Page<T>> {
  const first = pageSize(args);
  const alias = qb.alias;
  if (args.after) {
    const key = decodeCursor(args.after);
    qb.andWhere(`(${alias}.${timeColumn}, ${alias}.id) < (:cursorTime, :cursorId)`, {
      cursorTime: key.t,
      cursorId: key.id,
    });
  }
  const rows = await rowsOf(
    qb
      .orderBy(`${alias}.${timeColumn}`, 'DESC')
      .addOrderBy(`${alias}.id`, 'DESC')
      // LIMIT, not take(): pages join only one-to-one rows (a model's owner), so one statement, no DISTINCT pre-query.
      .limit(first + 1),
  );
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map((row) => ({
    cursor: encodeCursor({ t: (row[timeColumn] as Date).toISOString(), id: row.id }),
    node: map(row),
  }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** The same page with every node mapped (cursors and page info kept): entities become records or GraphQL objects. */
export function mapPage<T, U>(page: Page<T>, map: (node: T, index: number) => U): Page<U> {
  const edges = page.edges.map((edge, i) => ({ cursor: edge.cursor, node: map(edge.node, i) }));
  return { edges, nodes: edges.map((e) => e.node), pageInfo: page.pageInfo };
}
