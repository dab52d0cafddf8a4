import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPages, pageMatcher, RouteManifestError } from './page-routes';

const UUID = '^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$';
const HANDLE = '^[A-Za-z0-9][A-Za-z0-9_-]{2,29}$';
const MANIFEST = {
  routes: [
    { path: '/', params: {} },
    { path: '/library', params: {} },
    { path: '/models/$id', params: { id: UUID } },
    { path: '/studio/models/$id', params: { id: UUID } },
    { path: '/studio/templates/new', params: {} },
    { path: '/u/$handle', params: { handle: HANDLE } },
    { path: '/tags/$tag', params: {} },
    { path: '/v1.0/notes', params: {} },
  ],
};

describe('pageMatcher', () => {
  const isPage = pageMatcher(MANIFEST);

  it.each([
    '/',
    '/library',
    '/models/0190a5b0-0000-7000-8000-000000000001',
    '/models/0190A5B0-0000-7000-8000-000000000001',
    '/studio/models/0190a5b0-0000-7000-8000-000000000001',
    '/studio/templates/new',
    '/u/ada_lovelace',
    '/u/Ada-99',
    '/tags/anything-at-all',
    '/v1.0/notes',
  ])('%s is a page', (path) => {
    expect(isPage(path)).toBe(true);
  });

  it.each([
    '',
    '/Library', // case-sensitive, as the router
    '/library/', // trailing slashes are redirected before matching
    '/models',
    '/models/not-a-uuid',
    '/models/0190a5b0-0000-0000-8000-000000000001', // not a UUID version the router accepts
    '/models/0190a5b0-0000-7000-8000-000000000001/files',
    '/studio/models/new',
    '/u/x', // too short for a handle
    '/u/a/b',
    '/tags/a/b', // a parameter without a pattern is still one segment
    '/v1x0/notes', // a literal dot is not "any character"
    '/this-does-not-exist',
  ])('%j is not', (path) => {
    expect(isPage(path)).toBe(false);
  });

  it('reads unanchored patterns too', () => {
    const loose = pageMatcher({ routes: [{ path: '/orders/$id', params: { id: '[0-9]+' } }] });
    expect(loose('/orders/42')).toBe(true);
    expect(loose('/orders/42x')).toBe(false);
  });

  it.each([
    [null, /no "routes" list/],
    [{ routes: 'all' }, /no "routes" list/],
    [{ routes: [{ params: {} }] }, /route 0 has no path/],
    [{ routes: [{ path: 'library' }] }, /route 0 has no path/],
    [{ routes: [{ path: '/u/$handle', params: { handle: 3 } }] }, /parameters that are not patterns/],
    [{ routes: [{ path: '/u/$handle', params: { handle: '[a-' } }] }, /does not compile/],
  ])('refuses a malformed manifest %j', (manifest, message) => {
    expect(() => pageMatcher(manifest)).toThrow(RouteManifestError);
    expect(() => pageMatcher(manifest)).toThrow(message);
  });
});

describe('buildPages', () => {
  const build = () => mkdtempSync(join(tmpdir(), 'lookbook-pages-'));
  const write = (dir: string, manifest: unknown, mtime: number) => {
    const file = join(dir, 'routes.json');
    writeFileSync(file, typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
    utimesSync(file, mtime, mtime);
  };

  it('is null for a build without a manifest, until one appears', async () => {
    const dir = build();
    const pages = buildPages(dir, jest.fn());
    expect(await pages()).toBeNull();
    write(dir, { routes: [{ path: '/library', params: {} }] }, 1000);
    expect((await pages())!('/library')).toBe(true);
  });

  it('follows a rebuild, and keeps the last good manifest when a rebuild breaks it', async () => {
    const dir = build();
    write(dir, { routes: [{ path: '/library', params: {} }] }, 1000);
    const warn = jest.fn();
    const pages = buildPages(dir, warn);
    expect((await pages())!('/check')).toBe(false);
    write(
      dir,
      {
        routes: [
          { path: '/library', params: {} },
          { path: '/check', params: {} },
        ],
      },
      2000,
    );
    expect((await pages())!('/check')).toBe(true);
    write(dir, '{ not json', 3000);
    expect((await pages())!('/check')).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/is not JSON; the previous route manifest stays in use/));
  });

  it('refuses to start on a malformed manifest', () => {
    const dir = build();
    write(dir, { routes: [{ path: 'no-slash' }] }, 1000);
    expect(() => buildPages(dir, jest.fn())).toThrow(RouteManifestError);
  });
});
