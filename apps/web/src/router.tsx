import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  defaultParseSearch,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import { z } from 'zod/mini';
import { AppShell } from './app/shell';
import { handleParams, uuidParams } from './app/route-params';
import { NotFound, RouteError } from './app/route-states';
import { LoadingState } from '@lookbook/web-ui';
import { baseModelsQuery, browseQuery, browseSearch } from './features/catalog/catalog-queries';
import { modelPageQuery } from './features/catalog/model-queries';
import { queryClient } from './lib/query-client';
import { stringifySearch } from './lib/search-params';
import { sessionStore } from './lib/session-store';

/**
 * Every page and its URL — the one list of them: the build writes them, with their parameters' patterns, to the route
 * manifest the API reads (`app/route-manifest.ts`) to answer other addresses with status 404. Pages load as separate chunks (lazyRouteComponent); a route's loader starts its one query
 * in parallel with the chunk, so a page costs one round trip. Search params are validated and typed (zod).
 */
const root = createRootRouteWithContext<{ queryClient: QueryClient }>()({ component: AppShell });

/** Pages that need a session send people to sign in first, and back here afterwards. */
const signedIn = ({ location }: { location: { href: string } }) => {
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router redirects by throwing its redirect object
  if (!sessionStore.get()) throw redirect({ to: '/sign-in', search: { next: location.href } });
};

const nextSearch = z.object({ next: z.catch(z.optional(z.string().check(z.maxLength(500))), undefined) });

const browse = createRoute({
  getParentRoute: () => root,
  path: '/',
  validateSearch: browseSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(baseModelsQuery());
    return context.queryClient.prefetchInfiniteQuery(browseQuery(deps));
  },
  component: lazyRouteComponent(() => import('./features/catalog/browse-page'), 'BrowsePage'),
});

const model = createRoute({
  getParentRoute: () => root,
  path: '/models/$id',
  params: uuidParams,
  // The version shown (absent: the newest), so a reload or a shared link keeps the one chosen.
  validateSearch: z.object({ version: z.catch(z.optional(z.uuid()), undefined) }),
  loader: ({ context, params }) => context.queryClient.ensureQueryData(modelPageQuery(params.id)),
  component: lazyRouteComponent(() => import('./features/catalog/model-page'), 'ModelPage'),
});

const version = createRoute({
  getParentRoute: () => root,
  path: '/versions/$id',
  params: uuidParams,
  component: lazyRouteComponent(() => import('./features/catalog/version-redirect'), 'VersionRedirect'),
});

const profile = createRoute({
  getParentRoute: () => root,
  path: '/u/$handle',
  params: handleParams,
  component: lazyRouteComponent(() => import('./features/account/profile-page'), 'ProfilePage'),
});

const signIn = createRoute({
  getParentRoute: () => root,
  path: '/sign-in',
  validateSearch: nextSearch,
  component: lazyRouteComponent(() => import('./features/account/auth-forms'), 'SignInPage'),
});

const signUp = createRoute({
  getParentRoute: () => root,
  path: '/sign-up',
  validateSearch: nextSearch,
  component: lazyRouteComponent(() => import('./features/account/auth-forms'), 'SignUpPage'),
});

const account = createRoute({
  getParentRoute: () => root,
  path: '/account',
  beforeLoad: signedIn,
  component: lazyRouteComponent(() => import('./features/account/account-page'), 'AccountPage'),
});

const library = createRoute({
  getParentRoute: () => root,
  path: '/library',
  beforeLoad: signedIn,
  component: lazyRouteComponent(() => import('./features/library/library-page'), 'LibraryPage'),
});

const order = createRoute({
  getParentRoute: () => root,
  path: '/orders/$id',
  params: uuidParams,
  validateSearch: z.object({ checkout: z.catch(z.optional(z.enum(['success', 'cancelled'])), undefined) }),
  beforeLoad: signedIn,
  component: lazyRouteComponent(() => import('./features/checkout/order-page'), 'OrderPage'),
});

const verify = createRoute({
  getParentRoute: () => root,
  path: '/verify',
  component: lazyRouteComponent(() => import('./features/verify/verify-page'), 'VerifyPage'),
});

const studio = createRoute({
  getParentRoute: () => root,
  path: '/studio',
  beforeLoad: signedIn,
  component: lazyRouteComponent(() => import('./features/studio/studio-page'), 'StudioPage'),
});

const studioNew = createRoute({
  getParentRoute: () => root,
  path: '/studio/new',
  beforeLoad: signedIn,
  component: lazyRouteComponent(() => import('./features/studio/new-model-page'), 'NewModelPage'),
});

const studioModel = createRoute({
  getParentRoute: () => root,
  path: '/studio/models/$id',
  params: uuidParams,
  beforeLoad: signedIn,
  component: lazyRouteComponent(() => import('./features/studio/model-editor-page'), 'ModelEditorPage'),
});

const studioVersion = createRoute({
  getParentRoute: () => root,
  path: '/studio/versions/$id',
  params: uuidParams,
  beforeLoad: signedIn,
  component: lazyRouteComponent(() => import('./features/studio/version-editor-page'), 'VersionEditorPage'),
});

const templatePage = createRoute({
  getParentRoute: () => root,
  path: '/templates/$id',
  params: uuidParams,
  component: lazyRouteComponent(() => import('./features/templates/template-page'), 'TemplatePage'),
});

const check = createRoute({
  getParentRoute: () => root,
  path: '/check',
  component: lazyRouteComponent(() => import('./features/templates/check-page'), 'CheckPage'),
});

const studioIps = createRoute({
  getParentRoute: () => root,
  path: '/studio/ips',
  beforeLoad: signedIn,
  component: lazyRouteComponent(() => import('./features/templates/ip-console-page'), 'IpConsolePage'),
});

const studioNewTemplate = createRoute({
  getParentRoute: () => root,
  path: '/studio/templates/new',
  beforeLoad: signedIn,
  component: lazyRouteComponent(() => import('./features/templates/new-template-page'), 'NewTemplatePage'),
});

const earnings = createRoute({
  getParentRoute: () => root,
  path: '/earnings',
  validateSearch: z.object({ onboarding: z.catch(z.optional(z.enum(['return', 'expired'])), undefined) }),
  beforeLoad: signedIn,
  component: lazyRouteComponent(() => import('./features/earnings/earnings-page'), 'EarningsPage'),
});

const staff = createRoute({
  getParentRoute: () => root,
  path: '/staff',
  beforeLoad: signedIn,
  component: lazyRouteComponent(() => import('./features/staff/staff-page'), 'StaffPage'),
});

const routeTree = root.addChildren([
  browse,
  model,
  version,
  profile,
  signIn,
  signUp,
  account,
  library,
  order,
  verify,
  check,
  studioIps,
  studio,
  studioNew,
  studioModel,
  studioVersion,
  studioNewTemplate,
  templatePage,
  earnings,
  staff,
]);

export const router = createRouter({
  routeTree,
  stringifySearch,
  parseSearch: defaultParseSearch,
  // As the API matches the route manifest: `/Library` is the 404 page, not `/library`.
  caseSensitive: true,
  context: { queryClient },
  // Inside the shell: a page that fails, loads or does not exist keeps the header and navigation.
  defaultPendingComponent: () => <LoadingState />,
  defaultErrorComponent: RouteError,
  defaultNotFoundComponent: NotFound,
  defaultPreload: 'intent',
  // Loaders only warm the query cache; TanStack Query decides freshness.
  defaultPreloadStaleTime: 0,
  // A skeleton appears when a page takes more than a moment, and stays long enough not to flicker.
  defaultPendingMs: 200,
  defaultPendingMinMs: 300,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
