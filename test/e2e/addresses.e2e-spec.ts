import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

const UUID = '^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$';
const HANDLE = '^[A-Za-z0-9][A-Za-z0-9_-]{2,29}$';
/** Pages as the build's route manifest lists them (apps/web/src/app/route-manifest.ts writes it from the router). */
const ROUTES = {
  routes: [
    ...['/', '/library', '/account', '/check', '/sign-in', '/studio/new', '/studio/templates/new'].map((path) => ({
      path,
      params: {},
    })),
    ...['/models/$id', '/orders/$id', '/studio/models/$id'].map((path) => ({ path, params: { id: UUID } })),
    { path: '/u/$handle', params: { handle: HANDLE } },
  ],
};

/** A stand-in for the built web client: what matters here is which addresses get it, and with which status. */
function fakeWebBuild({ manifest = true } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'lookbook-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Lookbook</title><div id="root" data-app></div>');
  if (manifest) writeFileSync(join(dir, 'routes.json'), JSON.stringify(ROUTES));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
  return dir;
}

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('addresses', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { WEB_DIST_DIR: fakeWebBuild() } });
  });
  afterAll(() => api.close());

  const page = (path: string, accept = HTML) => request(api.server).get(path).set('accept', accept).redirects(0);
  const isApp = (response: request.Response) =>
    String(response.headers['content-type']).startsWith('text/html') && response.text.includes('data-app');

  it.each([
    '/',
    `/models/${randomUUID()}`,
    `/models/${randomUUID()}?version=${randomUUID()}`,
    '/library',
    '/account',
    '/u/ada_lovelace',
    `/orders/${randomUUID()}?checkout=success`,
    '/studio/templates/new',
    '/check',
    '/sign-in?next=/library',
  ])('the page %s is the app, 200', async (path) => {
    const response = await page(path);
    expect(response.status).toBe(200);
    expect(isApp(response)).toBe(true);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('a page opened without asking for HTML (a script, curl) is still the app', async () => {
    for (const accept of ['*/*', '']) {
      const response = await page('/library', accept);
      expect(response.status).toBe(200);
      expect(isApp(response)).toBe(true);
    }
  });

  it.each([
    '/this-does-not-exist',
    '/Library', // paths are case-sensitive: the 404 page, not a guess
    '/STUDIO/new',
    '/models/not-a-uuid',
    '/models', // a page needs its id
    `/models/${randomUUID()}/extra`,
    '/u/x', // not a handle
    '/studio/models/123',
    '/orders',
  ])('an unknown address %s asked for as HTML is the app’s 404 page, status 404', async (path) => {
    const response = await page(path);
    expect(response.status).toBe(404);
    expect(isApp(response)).toBe(true);
    expect(response.headers['cache-control']).toBe('no-cache');
    const head = await request(api.server).head(path).set('accept', HTML);
    expect(head.status).toBe(404);
  });

  it.each([
    ['/account/', '/account'],
    ['/library/?tab=orders', '/library?tab=orders'],
    [`/models/abc/`, '/models/abc'],
    ['/this-does-not-exist//', '/this-does-not-exist'],
    ['/sign-in/?next=%2Flibrary', '/sign-in?next=%2Flibrary'],
  ])('a trailing slash moves for good: %s → %s (query kept)', async (from, to) => {
    for (const accept of [HTML, '*/*']) {
      const response = await page(from, accept);
      expect(response.status).toBe(301);
      expect(response.headers['location']).toBe(to);
    }
  });

  it('never redirects to another site from a trailing slash', async () => {
    for (const path of ['//evil.example/', '/\\evil.example/', '///evil.example//']) {
      const response = await page(path);
      expect(response.status).toBe(404);
      expect(response.headers['location']).toBeUndefined();
    }
  });

  it.each([
    '/api/v1/nope',
    '/api/v1/licenses/nope/verify/',
    '/graphql/nope',
    '/webhooks/nope',
    '/.well-known/security.txt',
    '/healthz/',
    '/local-gateway/nope',
    '/assets/missing-abc.js',
    '/favicon.ico',
  ])('the API and files keep their JSON 404 even for a browser: %s', async (path) => {
    const response = await page(path);
    expect(response.status).toBe(404);
    expect(response.headers['location']).toBeUndefined();
    expect(response.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('an unknown address asked for as JSON stays a JSON 404', async () => {
    for (const accept of ['application/json', '*/*', '']) {
      const response = await page('/this-does-not-exist', accept);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
  });

  it('built assets and the API are untouched', async () => {
    const asset = await page('/assets/app-abc123.js', '*/*');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await page('/healthz', HTML)).body).toEqual({ status: 'ok' });
    const media = await page(`/media/${'0'.repeat(64)}.webp`, HTML);
    expect(media.status).toBe(404);
    expect(media.body).toEqual({ error: 'NOT_FOUND' });
  });

  it('a parameter the page would refuse is a 404 too: the build’s patterns are the router’s', async () => {
    for (const path of ['/models/0190a5b0-0000-0000-8000-000000000001', '/u/ab', `/orders/${randomUUID()}x`]) {
      const response = await page(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(isApp(response)).toBe(true);
    }
    const head = await request(api.server).head('/library').set('accept', HTML);
    expect(head.status).toBe(200);
  });
});

describe('addresses, with a build that lists no pages', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { WEB_DIST_DIR: fakeWebBuild({ manifest: false }) } });
  });
  afterAll(() => api.close());

  const page = (path: string, accept = HTML) => request(api.server).get(path).set('accept', accept).redirects(0);

  it('serves the app for every page address a browser opens, with 200 (the app says what is not there)', async () => {
    for (const path of ['/', '/library', `/models/${randomUUID()}`, '/this-does-not-exist', '/Library']) {
      const response = await page(path);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect(response.text).toContain('data-app');
    }
  });

  it('keeps the JSON 404 for what is not a browser, and for the API, media and files', async () => {
    expect((await page('/this-does-not-exist', 'application/json')).body).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    for (const path of ['/api/v1/nope', '/graphql/nope', '/assets/missing-abc.js', '/favicon.ico']) {
      const response = await page(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    expect((await page('/account/')).headers['location']).toBe('/account');
  });
});
