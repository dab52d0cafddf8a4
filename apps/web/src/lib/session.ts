import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { meQuery, SignOutMutation } from '../api/session';
import { execute } from './graphql-client';
import { sessionStore } from './session-store';

/** The signed-in person (null when signed out), kept in the query cache; signing in or out anywhere updates it. */
export function useMe() {
  const tokens = useSyncExternalStore(sessionStore.subscribe, sessionStore.get, () => null);
  const query = useQuery(meQuery(!!tokens));
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
