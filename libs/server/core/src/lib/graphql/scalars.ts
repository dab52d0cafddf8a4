import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isUuid } from '@lookbook/kernel';

/** A value one of our scalars refuses: bad input, whether it came as a variable or as a literal in the document. */
export class ScalarInputError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

const badInput = (message: string) => new ScalarInputError(message);

const asUuid = (value: unknown): string => {
  if (typeof value !== 'string' || !isUuid(value)) throw badInput('Not a valid UUID');
  return value.toLowerCase();
};

/**
 * Every id argument and filter is a UUID, checked at the edge (variables and literals alike): a malformed id is
 * BAD_USER_INPUT before any resolver runs, so services never see one and the database never refuses one.
 */
export const UUIDScalar = new GraphQLScalarType({
  name: 'UUID',
  description: 'A UUID, e.g. "0190a5b0-7c1e-7000-8000-4f1c2d3e4a5b".',
  serialize: (value) => {
    if (typeof value !== 'string') throw new GraphQLError('UUID values are strings');
    return value;
  },
  parseValue: asUuid,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badInput('A UUID is a string');
    return asUuid(ast.value);
  },
});

const asSafeInt = (value: unknown): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw badInput('Expected a whole number between -(2^53 - 1) and 2^53 - 1');
  }
  return value;
};

/**
 * Whole numbers up to 2^53 − 1, as JSON numbers: money in minor units (with its currency beside it), byte sizes and
 * counts. GraphQL's `Int` stops at 2^31 − 1 and `Float` accepts fractions, so neither fits money or file sizes.
 */
export const SafeIntScalar = new GraphQLScalarType({
  name: 'SafeInt',
  description: 'A whole number from -(2^53 - 1) to 2^53 - 1: minor units of money (cents), bytes, counts.',
  serialize: (value) => {
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return asSafeInt(Number(value)); // bigint columns
    return asSafeInt(value);
  },
  parseValue: asSafeInt,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw badInput('Expected a whole number');
    return asSafeInt(Number(ast.value));
  },
});
