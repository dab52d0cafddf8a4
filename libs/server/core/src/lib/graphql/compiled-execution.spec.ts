import { GraphQLError } from 'graphql';
import { NotFoundError } from '@lookbook/kernel';
import { withGraphqlErrors } from './compiled-execution';

describe('compiled execution errors', () => {
  it("rebuilds a field's error as a graphql-js error that still carries what the resolver threw", () => {
    const thrown = new NotFoundError('MODEL_NOT_FOUND', 'Model not found');
    // graphql-jit's own located error: a plain object shaped like GraphQLError, not an instance of it.
    const jitError = { message: 'Model not found', path: ['styleModel'], originalError: thrown, extensions: {} };
    const [error] = withGraphqlErrors({ data: null, errors: [jitError as unknown as GraphQLError] }).errors!;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error!.originalError).toBe(thrown);
    expect(error!.path).toEqual(['styleModel']);
  });

  it('reports errors raised before any field ran (variables that do not coerce) as bad input', () => {
    const [error] = withGraphqlErrors({
      errors: [{ message: 'Variable "$s" got invalid value "X"' } as unknown as GraphQLError],
    }).errors!;
    expect(error!.extensions['code']).toBe('BAD_USER_INPUT');
  });

  it('passes results without errors through untouched', () => {
    const result = { data: { ok: true } };
    expect(withGraphqlErrors(result)).toBe(result);
  });
});
