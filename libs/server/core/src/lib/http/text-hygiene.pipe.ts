import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { checkText } from '@lookbook/kernel';

/** GqlParamtype.ARGS is 3 (ROOT 0, CONTEXT 1, INFO 2 are the resolver's own). */
const GRAPHQL_ARGS = 3;
const CALLER_INPUT = new Set<string | number>(['body', 'query', 'param', GRAPHQL_ARGS]);

/** Deep enough for every input type we have; anything deeper is refused rather than walked forever. */
const MAX_DEPTH = 8;

/**
 * Global pipe: every string that arrives as a GraphQL argument or a REST body, query or path parameter passes the
 * kernel's universal text rules (valid Unicode, no control characters, no bidi overrides, not invisible-only) and is
 * NFC-normalised — one place, so no text field can carry a NUL to Postgres or a lone surrogate into storage. Field
 * shapes (single line, length, required) are the domains' normalisers, built from the same kernel rules.
 */
@Injectable()
export class TextHygienePipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // Only what the caller sent: REST body, query and path, and GraphQL arguments. Never @CurrentActor, @Loaders,
    // a field resolver's parent or its GraphQL info — ours, and walking them on every field would cost the page.
    if (!CALLER_INPUT.has(metadata.type)) return value;
    return clean(value, metadata.data ?? String(metadata.type), 0);
  }
}

function clean(value: unknown, path: string, depth: number): unknown {
  if (typeof value === 'string') return checkText(value, path);
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, i) => clean(item, `${path}[${i}]`, depth + 1));
  if (Buffer.isBuffer(value) || value instanceof Date || !isPlain(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[checkText(key, `${path} key`)] = clean(item, `${path}.${key}`, depth + 1);
  }
  return out;
}

/** GraphQL input objects arrive as plain objects or as instances of the input class; streams and the like do not. */
function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || proto === Object.prototype || typeof (value as { pipe?: unknown }).pipe !== 'function';
}
