import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The web client's pages, as its build lists them in `routes.json` beside index.html (written from the router's route
 * tree: apps/web/src/app/route-manifest.ts). Nothing here names a page: the API learns them from the build.
 *
 * ```json
 * { "routes": [{ "path": "/models/$id", "params": { "id": "^[0-9a-f-]{36}$" } }] }
 * ```
 *
 * `$name` is a path parameter; its pattern (a regular expression, anchored or not) is what the page accepts in its
 * place — anything else is an address that does not exist. A parameter without a pattern takes any one segment.
 * Paths are case-sensitive, as the router matches them.
 */
export const ROUTE_MANIFEST_FILE = 'routes.json';

/** Whether a path (no query, no trailing slash) is one of the app's pages. */
export type PageMatcher = (path: string) => boolean;

export class RouteManifestError extends Error {}

const escape = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const unanchored = (pattern: string) => pattern.replace(/^\^/, '').replace(/(?<!\\)\$$/, '');

/** A matcher from a manifest's contents; a malformed manifest is refused with what is wrong. */
export function pageMatcher(manifest: unknown): PageMatcher {
  const routes = (manifest as { routes?: unknown } | null)?.routes;
  if (!Array.isArray(routes)) throw new RouteManifestError('the route manifest has no "routes" list');
  const patterns = routes.map((route: unknown, i) => {
    const { path, params = {} } = (route ?? {}) as { path?: unknown; params?: unknown };
    if (typeof path !== 'string' || !path.startsWith('/'))
      throw new RouteManifestError(`route ${i} has no path starting with "/"`);
    if (typeof params !== 'object' || params === null || Object.values(params).some((p) => typeof p !== 'string'))
      throw new RouteManifestError(`route ${path} has parameters that are not patterns`);
    const patternOf = params as Record<string, string>;
    const source = path
      .split(/(\$\w+)/)
      .map((part) =>
        part.startsWith('$')
          ? `(?:${patternOf[part.slice(1)] ? unanchored(patternOf[part.slice(1)]!) : '[^/]+'})`
          : escape(part),
      )
      .join('');
    try {
      return new RegExp(`^${source}$`);
    } catch (error) {
      throw new RouteManifestError(`route ${path} has a parameter pattern that does not compile: ${String(error)}`);
    }
  });
  return (path) => patterns.some((pattern) => pattern.test(path));
}

/**
 * The pages of the build in `root`: read now (a malformed manifest stops the server from starting, as bad
 * configuration does), then again whenever the build changes (a rebuilt client is served at once, new pages included;
 * a manifest broken by a rebuild is reported and the last good one kept). `null` while the build has no manifest.
 */
export function buildPages(root: string, warn: (message: string) => void): () => Promise<PageMatcher | null> {
  const file = join(root, ROUTE_MANIFEST_FILE);
  const load = (text: string): PageMatcher => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new RouteManifestError(`${file} is not JSON`);
    }
    return pageMatcher(parsed);
  };
  let current: { mtimeMs: number | null; matcher: PageMatcher | null } = existsSync(file)
    ? { mtimeMs: statSync(file).mtimeMs, matcher: load(readFileSync(file, 'utf8')) }
    : { mtimeMs: null, matcher: null };
  return async () => {
    const mtimeMs = await stat(file).then(
      (s) => s.mtimeMs,
      () => null,
    );
    if (mtimeMs === current.mtimeMs) return current.matcher;
    try {
      current = { mtimeMs, matcher: mtimeMs === null ? null : load(await readFile(file, 'utf8')) };
    } catch (error) {
      warn(`${error instanceof Error ? error.message : String(error)}; the previous route manifest stays in use`);
      current = { ...current, mtimeMs };
    }
    return current.matcher;
  };
}
