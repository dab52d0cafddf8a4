import type { QueryClient } from '@tanstack/react-query';
import type { RouterHistory } from '@tanstack/react-router';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  defaultParseSearch,
  lazyRouteComponent,
} from '@tanstack/react-router';
import { z } from 'zod/mini';
import { LoadingState } from '@lookbook/web-ui';
import { browseSearch } from './api/search';
import { meQuery } from './api/session';
import { legacyBrowseRedirect, nextSearch, signedIn } from './app/route-guards';
import { AppShell } from './app/shell';
import { handleParams, uuidParams } from './app/route-params';
import { NotFound, RouteError } from './app/route-states';
import { loadAccount, loadProfile } from './features/account/api/loaders';
import { loadBrowse, loadModelPage, loadVersionRedirect } from './features/catalog/api/loaders';
import { loadOrder } from './features/checkout/api/loaders';
import { loadCollectionPage, loadMyCollections } from './features/collections/api/loaders';
import { loadDevInbox } from './features/dev-inbox/api/loaders';
import { loadEarnings } from './features/earnings/api/loaders';
import { loadFeed } from './features/feed/api/loaders';
import { loadHome } from './features/home/api/loaders';
import { loadLibrary } from './features/library/api/loaders';
import { loadSavedSearches } from './features/saved-searches/api/loaders';
import { loadNotifications, loadNotificationSettings } from './features/notifications/api/loaders';
import { loadStaff } from './features/staff/api/loaders';
import { loadModelEditor, loadNewModel, loadStudio, loadVersionEditor } from './features/studio/api/loaders';
import { loadIpConsole, loadTemplatePage } from './features/templates/api/loaders';
import { loadVerify } from './features/verify/api/loaders';
import { queryClient } from './lib/query-client';
import { stringifySearch } from './lib/search-params';
import { sessionStore } from './lib/session-store';

/**
 * Every page and its URL — the one list of them: the build writes them, with their parameters' patterns, to the route
 * manifest the API reads (`app/route-manifest.ts`) to answer other addresses with status 404. Pages load as separate
 * chunks (lazyRouteComponent). Routes own their data: each loader ensures the queries its page reads (query options
 * from the feature's `api/`), in parallel with the chunk, so a page costs one round trip and renders with its data;
 * meanwhile the pending component shows, and a failure is the error component (with a retry when one can help).
 * Search params are validated and typed (zod).
 */
const root = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: AppShell,
  // Who is signed in, asked at once for the header and the pages. Not awaited: the shell shows straight away (its
  // account link is filled when the answer comes); loaders whose page depends on the viewer await `ensureMe`.
  loader: ({ context }) => void context.queryClient.prefetchQuery(meQuery(!!sessionStore.get())),
});

/** Home: what Lookbook is, trending, new from people you follow, most liked. */
const home = createRoute({
  getParentRoute: () => root,
  path: '/',
  beforeLoad: legacyBrowseRedirect,
  loader: ({ context }) => loadHome(context.queryClient),
  component: lazyRouteComponent(() => import('./features/home/home-page'), 'HomePage'),
});

const browse = createRoute({
  getParentRoute: () => root,
  path: '/browse',
  validateSearch: browseSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => loadBrowse(context.queryClient, deps),
  component: lazyRouteComponent(() => import('./features/catalog/browse-page'), 'BrowsePage'),
});

const model = createRoute({
  getParentRoute: () => root,
  path: '/models/$id',
  params: uuidParams,
  // The version shown (absent: the newest), so a reload or a shared link keeps the one chosen.
  validateSearch: z.object({ version: z.catch(z.optional(z.uuid()), undefined) }),
  loader: ({ context, params }) => loadModelPage(context.queryClient, params.id),
  component: lazyRouteComponent(() => import('./features/catalog/model-page'), 'ModelPage'),
});

const version = createRoute({
  getParentRoute: () => root,
  path: '/versions/$id',
  params: uuidParams,
  loader: ({ context, params }) => loadVersionRedirect(context.queryClient, params.id),
  component: lazyRouteComponent(() => import('./features/catalog/version-redirect'), 'VersionRedirect'),
});

const profile = createRoute({
  getParentRoute: () => root,
  path: '/u/$handle',
  params: handleParams,
  loader: ({ context, params }) => loadProfile(context.queryClient, params.handle),
  component: lazyRouteComponent(() => import('./features/account/profile-page'), 'ProfilePage'),
});

const collection = createRoute({
  getParentRoute: () => root,
  path: '/collections/$id',
  params: uuidParams,
  loader: ({ context, params }) => loadCollectionPage(context.queryClient, params.id),
  component: lazyRouteComponent(() => import('./features/collections/collection-page'), 'CollectionPage'),
});

const myCollections = createRoute({
  getParentRoute: () => root,
  path: '/me/collections',
  beforeLoad: signedIn,
  loader: ({ context }) => loadMyCollections(context.queryClient),
  component: lazyRouteComponent(() => import('./features/collections/my-collections-page'), 'MyCollectionsPage'),
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

/** A mailed one-time link carries its token in the query (`?token=lbt_…`). */
const tokenSearch = z.object({
  token: z.catch(z.optional(z.string().check(z.maxLength(200))), undefined),
});

const verifyEmail = createRoute({
  getParentRoute: () => root,
  path: '/verify-email',
  validateSearch: tokenSearch,
  component: lazyRouteComponent(() => import('./features/account/verify-email-page'), 'VerifyEmailPage'),
});

const confirmEmail = createRoute({
  getParentRoute: () => root,
  path: '/confirm-email',
  validateSearch: tokenSearch,
  component: lazyRouteComponent(() => import('./features/account/confirm-email-page'), 'ConfirmEmailPage'),
});

const forgotPassword = createRoute({
  getParentRoute: () => root,
  path: '/forgot-password',
  component: lazyRouteComponent(() => import('./features/account/forgot-password-page'), 'ForgotPasswordPage'),
});

const resetPassword = createRoute({
  getParentRoute: () => root,
  path: '/reset-password',
  validateSearch: tokenSearch,
  component: lazyRouteComponent(() => import('./features/account/reset-password-page'), 'ResetPasswordPage'),
});

/** What the development SMTP sink received (its API route exists only outside production). */
const devInbox = createRoute({
  getParentRoute: () => root,
  path: '/dev/inbox',
  validateSearch: z.object({
    to: z.catch(z.optional(z.string().check(z.maxLength(254))), undefined),
    mail: z.catch(z.optional(z.string().check(z.regex(/^[0-9a-f]{32}$/))), undefined),
  }),
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => loadDevInbox(context.queryClient, deps),
  component: lazyRouteComponent(() => import('./features/dev-inbox/dev-inbox-page'), 'DevInboxPage'),
});

const account = createRoute({
  getParentRoute: () => root,
  path: '/account',
  beforeLoad: signedIn,
  loader: ({ context }) => loadAccount(context.queryClient),
  component: lazyRouteComponent(() => import('./features/account/account-page'), 'AccountPage'),
});

const library = createRoute({
  getParentRoute: () => root,
  path: '/library',
  beforeLoad: signedIn,
  loader: ({ context }) => loadLibrary(context.queryClient),
  component: lazyRouteComponent(() => import('./features/library/library-page'), 'LibraryPage'),
});

const savedSearches = createRoute({
  getParentRoute: () => root,
  path: '/saved-searches',
  beforeLoad: signedIn,
  loader: ({ context }) => loadSavedSearches(context.queryClient),
  component: lazyRouteComponent(() => import('./features/saved-searches/saved-searches-page'), 'SavedSearchesPage'),
});

const feed = createRoute({
  getParentRoute: () => root,
  path: '/feed',
  beforeLoad: signedIn,
  loader: ({ context }) => loadFeed(context.queryClient),
  component: lazyRouteComponent(() => import('./features/feed/feed-page'), 'FeedPage'),
});

const notifications = createRoute({
  getParentRoute: () => root,
  path: '/notifications',
  validateSearch: z.object({ tab: z.catch(z.optional(z.enum(['unread'])), undefined) }),
  beforeLoad: signedIn,
  loader: ({ context }) => loadNotifications(context.queryClient),
  component: lazyRouteComponent(() => import('./features/notifications/notifications-page'), 'NotificationsPage'),
});

const notificationSettings = createRoute({
  getParentRoute: () => root,
  path: '/settings/notifications',
  beforeLoad: signedIn,
  loader: ({ context }) => loadNotificationSettings(context.queryClient),
  component: lazyRouteComponent(
    () => import('./features/notifications/notification-settings-page'),
    'NotificationSettingsPage',
  ),
});

const order = createRoute({
  getParentRoute: () => root,
  path: '/orders/$id',
  params: uuidParams,
  validateSearch: z.object({ checkout: z.catch(z.optional(z.enum(['success', 'cancelled'])), undefined) }),
  beforeLoad: signedIn,
  loader: ({ context, params }) => loadOrder(context.queryClient, params.id),
  component: lazyRouteComponent(() => import('./features/checkout/order-page'), 'OrderPage'),
});

const verify = createRoute({
  getParentRoute: () => root,
  path: '/verify',
  loader: ({ context }) => loadVerify(context.queryClient),
  component: lazyRouteComponent(() => import('./features/verify/verify-page'), 'VerifyPage'),
});

const studio = createRoute({
  getParentRoute: () => root,
  path: '/studio',
  beforeLoad: signedIn,
  loader: ({ context }) => loadStudio(context.queryClient),
  component: lazyRouteComponent(() => import('./features/studio/studio-page'), 'StudioPage'),
});

const studioNew = createRoute({
  getParentRoute: () => root,
  path: '/studio/new',
  beforeLoad: signedIn,
  loader: ({ context }) => loadNewModel(context.queryClient),
  component: lazyRouteComponent(() => import('./features/studio/new-model-page'), 'NewModelPage'),
});

const studioModel = createRoute({
  getParentRoute: () => root,
  path: '/studio/models/$id',
  params: uuidParams,
  beforeLoad: signedIn,
  loader: ({ context, params }) => loadModelEditor(context.queryClient, params.id),
  component: lazyRouteComponent(() => import('./features/studio/model-editor-page'), 'ModelEditorPage'),
});

const studioVersion = createRoute({
  getParentRoute: () => root,
  path: '/studio/versions/$id',
  params: uuidParams,
  beforeLoad: signedIn,
  loader: ({ context, params }) => loadVersionEditor(context.queryClient, params.id),
  pendingComponent: () => <LoadingState rows={6} />,
  component: lazyRouteComponent(() => import('./features/studio/version-editor-page'), 'VersionEditorPage'),
});

const templatePage = createRoute({
  getParentRoute: () => root,
  path: '/templates/$id',
  params: uuidParams,
  loader: ({ context, params }) => loadTemplatePage(context.queryClient, params.id),
  pendingComponent: () => <LoadingState label="Loading the template" />,
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
  loader: ({ context }) => loadIpConsole(context.queryClient),
  pendingComponent: () => <LoadingState label="Loading your IPs" />,
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
  loader: ({ context }) => loadEarnings(context.queryClient),
  pendingComponent: () => <LoadingState rows={6} />,
  component: lazyRouteComponent(() => import('./features/earnings/earnings-page'), 'EarningsPage'),
});

const staff = createRoute({
  getParentRoute: () => root,
  path: '/staff',
  beforeLoad: signedIn,
  loader: ({ context }) => loadStaff(context.queryClient),
  component: lazyRouteComponent(() => import('./features/staff/staff-page'), 'StaffPage'),
});

const routeTree = root.addChildren([
  home,
  browse,
  savedSearches,
  model,
  version,
  profile,
  signIn,
  signUp,
  verifyEmail,
  confirmEmail,
  forgotPassword,
  resetPassword,
  devInbox,
  account,
  library,
  feed,
  notifications,
  notificationSettings,
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
  collection,
  myCollections,
]);

/** The app's router over a query cache (and, in tests, a history of their own). */
export function createAppRouter(client: QueryClient, history?: RouterHistory) {
  return createRouter({
    routeTree,
    history,
    stringifySearch,
    parseSearch: defaultParseSearch,
    // As the API matches the route manifest: `/Library` is the 404 page, not `/library`.
    caseSensitive: true,
    context: { queryClient: client },
    // Inside the shell: a page that fails, loads or does not exist keeps the header and navigation.
    defaultPendingComponent: () => <LoadingState />,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: NotFound,
    defaultPreload: 'intent',
    // Loaders only fill the query cache; TanStack Query decides freshness.
    defaultPreloadStaleTime: 0,
    // A skeleton appears when a page takes more than a moment, and stays long enough not to flicker.
    defaultPendingMs: 200,
    defaultPendingMinMs: 300,
    scrollRestoration: true,
  });
}

export const router = createAppRouter(queryClient);

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
