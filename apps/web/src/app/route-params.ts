import { notFound } from '@tanstack/react-router';
import { z } from 'zod/mini';

/**
 * A path parameter's form, checked before a page loads: anything else in its place is an address that does not exist
 * (the 404 page, not an error). The same pattern goes into the route manifest (`route-manifest.ts`), so the API
 * answers such an address with status 404 without a list of its own.
 */
function matching<const N extends string>(name: N, pattern: RegExp) {
  return {
    parse: (params: Record<string, string>): Record<N, string> => {
      const value = params[name];
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router's not-found is thrown
      if (value === undefined || !pattern.test(value)) throw notFound();
      return { [name]: value } as Record<N, string>;
    },
    stringify: (params: Record<N, string>) => ({ [name]: params[name] }) as Record<N, string>,
    /** The parameter's pattern (a regular expression source, anchored), for the route manifest. */
    patterns: { [name]: pattern.source } as Record<N, string>,
  };
}

/** `$id` is a UUID (as the API's `UUID` scalar reads them). */
export const uuidParams = matching('id', z.regexes.uuid());

/** `$handle` is a member's handle, as sign-up accepts them. */
export const handleParams = matching('handle', /^[A-Za-z0-9][A-Za-z0-9_-]{2,29}$/);
