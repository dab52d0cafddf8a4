import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { router } from '../router';
import { uuidParams } from './route-params';
import { routeManifest } from './route-manifest';

const manifest = routeManifest(router);
const byPath = new Map(manifest.routes.map((r) => [r.path, r]));
const matches = (pattern: string, value: string) => new RegExp(pattern).test(value);

describe('the route manifest of the app', () => {
  it('lists every page once, as a rooted path without a trailing slash', () => {
    expect(byPath.size).toBe(manifest.routes.length);
    for (const { path } of manifest.routes) expect(path).toMatch(/^\/(?:[\w$-]+(?:\/[\w$-]+)*)?$/);
    for (const page of ['/', '/library', '/models/$id', '/u/$handle', '/orders/$id', '/studio/templates/new', '/check'])
      expect(byPath.has(page)).toBe(true);
  });

  it('gives every path parameter the pattern its page checks (no page takes any segment unchecked)', () => {
    for (const { path, params } of manifest.routes) {
      const names = [...path.matchAll(/\$(\w+)/g)].map(([, name]) => name!);
      expect({ path, params: Object.keys(params).sort() }).toEqual({ path, params: names.sort() });
    }
  });

  it.each([
    ['/models/$id', 'id', '0190a5b0-0000-7000-8000-000000000001', true],
    ['/models/$id', 'id', '0190A5B0-0000-7000-8000-000000000001', true],
    ['/models/$id', 'id', 'not-a-uuid', false],
    ['/models/$id', 'id', '0190a5b0-0000-0000-8000-000000000001', false],
    ['/studio/versions/$id', 'id', '123', false],
    ['/u/$handle', 'handle', 'ada_lovelace', true],
    ['/u/$handle', 'handle', 'x', false],
    ['/u/$handle', 'handle', 'a'.repeat(31), false],
  ])('%s: %s = %j is %s for the API and for the page alike', (path, name, value, accepted) => {
    const page = byPath.get(path)!;
    expect(matches(page.params[name]!, value)).toBe(accepted);
    // The page's own check: the route's parser, which throws the router's not-found.
    const route = (router.routesByPath as Record<string, { options: { params?: typeof uuidParams } }>)[path]!;
    const parse = () => route.options.params!.parse({ [name]: value });
    if (accepted) expect(parse()).toEqual({ [name]: value });
    else expect(parse).toThrow();
  });
});

describe('routeManifest', () => {
  it('lists pages, not the layouts around them, with the patterns of their parameters', () => {
    const root = createRootRoute();
    const layout = createRoute({ getParentRoute: () => root, id: 'signed-in' });
    const library = createRoute({ getParentRoute: () => layout, path: '/library' });
    const model = createRoute({ getParentRoute: () => layout, path: '/models/$id', params: uuidParams });
    const home = createRoute({ getParentRoute: () => root, path: '/' });
    const tree = root.addChildren([home, layout.addChildren([library, model])]);
    expect(routeManifest(createRouter({ routeTree: tree }))).toEqual({
      routes: [
        { path: '/', params: {} },
        { path: '/library', params: {} },
        { path: '/models/$id', params: { id: uuidParams.patterns.id } },
      ],
    });
  });
});
