import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { graphql } from '../gql';
import { execute } from './graphql-client';
import { sessionStore } from './session-store';

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
    }
  }
`);

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const ME_KEY = ['me'] as const;

/** The signed-in person (null when signed out), kept in the query cache; signing in or out anywhere updates it. */
export function useMe() {
  const tokens = useSyncExternalStore(sessionStore.subscribe, sessionStore.get, () => null);
  const query = useQuery({
    queryKey: [...ME_KEY, tokens?.refreshToken ? 'signed-in' : 'anonymous'],
    queryFn: async () => (tokens ? (await execute(MeQuery)).me : null),
    staleTime: 5 * 60_000,
  });
  return { me: query.data ?? null, isLoading: !!tokens && query.isPending, signedIn: !!tokens };
}

/** Ends the session on the server (best effort) and forgets it here; cached private data goes with it. */
export function useSignOut() {
  const client = useQueryClient();
  return useCallback(async () => {
    await execute(SignOutMutation).catch(() => undefined);
    sessionStore.set(null);
    client.clear();
  }, [client]);
}
