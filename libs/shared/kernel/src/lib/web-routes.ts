/**
 * The web client's pages, written once: the router (apps/web/src/router.tsx) creates one route per entry, and the API
 * serves the app for exactly these addresses — any other HTML address gets the app's 404 page with status 404.
 * `$name` is a path parameter: `$id` is always a UUID, `$handle` a member's handle. Paths are case-sensitive (so
 * `/Library` is a 404, as `/library` is the page) and have no trailing slash (the API redirects `/x/` to `/x`).
 */
export const WEB_ROUTES = {
  browse: '/',
  model: '/models/$id',
  version: '/versions/$id',
  profile: '/u/$handle',
  signIn: '/sign-in',
  signUp: '/sign-up',
  account: '/account',
  library: '/library',
  order: '/orders/$id',
  verify: '/verify',
  check: '/check',
  studio: '/studio',
  studioNew: '/studio/new',
  studioModel: '/studio/models/$id',
  studioVersion: '/studio/versions/$id',
  studioIps: '/studio/ips',
  studioNewTemplate: '/studio/templates/new',
  template: '/templates/$id',
  earnings: '/earnings',
  staff: '/staff',
} as const;

export type WebRoute = (typeof WEB_ROUTES)[keyof typeof WEB_ROUTES];

const PARAMETERS: Record<string, string> = {
  id: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
  handle: '[A-Za-z0-9][A-Za-z0-9_-]{2,29}',
};

const PATTERNS = Object.values(WEB_ROUTES).map(
  (path) =>
    new RegExp(
      `^${path.replace(/[.*+?^{}()|[\]\\]/g, '\\$&').replace(/\$(\w+)/g, (_, name: string) => `(?:${PARAMETERS[name] ?? '[^/]+'})`)}$`,
    ),
);

/** Whether a path (no query) is one of the web client's pages, with well-formed parameters. */
export function isWebRoute(pathname: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(pathname));
}
