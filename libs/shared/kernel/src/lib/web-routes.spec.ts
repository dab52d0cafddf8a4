import { isWebRoute, WEB_ROUTES } from './web-routes';

describe('isWebRoute', () => {
  it.each([
    '/',
    '/models/0190a5b0-0000-7000-8000-000000000001',
    '/versions/0190A5B0-0000-7000-8000-000000000001',
    '/u/ada_lovelace',
    '/u/Ada-99',
    '/library',
    '/studio/templates/new',
    '/studio/models/0190a5b0-0000-7000-8000-000000000001',
    '/orders/0190a5b0-0000-7000-8000-000000000001',
  ])('%s is a page', (path) => {
    expect(isWebRoute(path)).toBe(true);
  });

  it.each([
    '',
    '/Library',
    '/library/',
    '/models',
    '/models/not-a-uuid',
    '/models/0190a5b0-0000-7000-8000-000000000001/files',
    '/u/x',
    '/u/a/b',
    '/studio/models/new',
    '/this-does-not-exist',
    '/graphql',
  ])('%j is not', (path) => {
    expect(isWebRoute(path)).toBe(false);
  });

  it('every entry is a rooted path without a trailing slash, each written once', () => {
    const paths = Object.values(WEB_ROUTES);
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of paths) expect(path).toMatch(/^\/(?:[\w$-]+(?:\/[\w$-]+)*)?$/);
  });
});
