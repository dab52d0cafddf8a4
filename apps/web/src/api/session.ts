import type { QueryClient } from '@tanstack/react-query';
import { queryOptions } from '@tanstack/react-query';
import { graphql } from '../gql';
import { execute } from '../lib/graphql-client';
import { sessionStore } from '../lib/session-store';
import { sessionKeys } from './keys';

const MeQuery = graphql(`
  query Me {
    me {
      id
      handle
      displayName
      email
      roles
      maxMaturity
      createdAt
      emailVerified
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

/** The signed-in person, or null when signed out (nothing is asked then). */
export const meQuery = (signedIn: boolean) =>
  queryOptions({
    queryKey: sessionKeys.me(signedIn),
    queryFn: async () => (signedIn ? (await execute(MeQuery)).me : null),
    staleTime: 5 * 60_000,
  });

/**
 * The signed-in person for a route's loader, from the cache when it is there. Null when signed out — and when it
 * cannot be read just now: the page then shows what a visitor sees, as `useMe` does.
 */
export const ensureMe = (client: QueryClient) =>
  client.ensureQueryData(meQuery(!!sessionStore.get())).catch(() => null);
