import type { GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';

/** Where a GraphQL object carries the values of fields already read with it (see `resolvePreloadedFields`). */
export const PRELOADED = Symbol('preloaded');

export type WithPreloaded<T> = T & { [PRELOADED]?: Record<string, unknown> };

/** Marks fields of `object` as already resolved (a list page read them with their parent, in the same statement). */
export function preload<T extends object>(object: T, fields: Record<string, unknown>): WithPreloaded<T> {
  const target = object as WithPreloaded<T>;
  target[PRELOADED] = { ...target[PRELOADED], ...fields };
  return target;
}

/**
 * A field whose value came with its parent resolves as a plain property, skipping the field resolver and the
 * framework's per-call pipeline (context, params, pipes) — on a page of cards that pipeline, run for every card's
 * owner and every version's images, costs more than the data. Resolvers keep their own loading path for parents
 * read without it. Only argument-less fields: a field with arguments always runs its resolver. Field resolvers run
 * no guards in this app (deny-by-default guards the root fields), so nothing is bypassed.
 */
export function resolvePreloadedFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || field.args.length) continue;
      field.resolve = (source, args, context, info) => {
        const preloaded = (source as WithPreloaded<object> | null)?.[PRELOADED];
        return preloaded && info.fieldName in preloaded
          ? preloaded[info.fieldName]
          : resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
