import type { AnyRouter } from '@tanstack/react-router';

/**
 * The app's pages, read from the router's route tree (there is no other list): each page's path (`/models/$id`) and
 * the pattern each of its parameters must match. The build writes it beside index.html as `routes.json`; the API
 * reads it to answer an address that is no page with status 404 (it serves the app either way, and the app shows its
 * not-found page). The format is the API's to read — `apps/api/src/app/page-routes.ts`.
 */
export interface RouteManifest {
  routes: { path: string; params: Record<string, string> }[];
}

export const ROUTE_MANIFEST_FILE = 'routes.json';

interface ManifestRoute {
  isRoot?: boolean;
  fullPath: string;
  children?: unknown;
  options: { params?: { patterns?: Record<string, string> } };
}

export function routeManifest(router: AnyRouter): RouteManifest {
  const pages = (Object.values(router.routesById) as ManifestRoute[]).filter(
    // Layout routes (with children) wrap pages and are no address of their own.
    (route) => !route.isRoot && !(Array.isArray(route.children) && route.children.length),
  );
  return {
    routes: pages
      .map((route) => ({ path: route.fullPath, params: { ...route.options.params?.patterns } }))
      .sort((a, b) => a.path.localeCompare(b.path)),
  };
}
