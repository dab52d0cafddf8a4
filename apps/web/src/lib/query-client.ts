import { QueryClient } from '@tanstack/react-query';
import { errorCode } from './api-error';

/** Codes a retry will not change. */
const FINAL = /NOT_FOUND|INVALID|FORBIDDEN|UNAUTHENTICATED|REQUIRED|TAKEN|TOO_|VALIDATION|BAD_USER_INPUT/;

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failures, error) => failures < 2 && !FINAL.test(errorCode(error) ?? ''),
      refetchOnWindowFocus: false,
    },
  },
});
