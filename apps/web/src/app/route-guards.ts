import { redirect } from '@tanstack/react-router';
import { z } from 'zod/mini';
import { browseSearch } from '../api/search';
import { sessionStore } from '../lib/session-store';

/** Pages that need a session send people to sign in first, and back here afterwards. */
export const signedIn = ({ location }: { location: { href: string } }) => {
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router redirects by throwing its redirect object
  if (!sessionStore.get()) throw redirect({ to: '/sign-in', search: { next: location.href } });
};

/** Where to go after signing in (`?next=`), bounded. */
export const nextSearch = z.object({ next: z.catch(z.optional(z.string().check(z.maxLength(500))), undefined) });

/** Addresses from before browsing had its own page (`/?q=neon`, `/?tag=ink`) still find their search at `/browse`. */
export const legacyBrowseRedirect = ({ location }: { location: { search: unknown } }) => {
  const search = location.search as Record<string, unknown>;
  if (Object.keys(search).some((key) => key in browseSearch.shape))
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router redirects by throwing its redirect object
    throw redirect({ to: '/browse', search: browseSearch.parse(search), replace: true });
};
