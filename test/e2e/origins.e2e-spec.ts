import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import type { TestUser } from '@lookbook/testing';
import { signUpUser } from '@lookbook/testing';
import { eventually } from './support/eventually';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import type { ReadyVersion } from './support/versions';
import { publishedVersion } from './support/versions';

const CHECKOUT = `mutation($o: UUID!) { checkout(offerId: $o) { checkoutUrl order { id } } }`;
const ONBOARD = `mutation { startPayoutOnboarding { url } }`;
const ACCOUNT = `query { myPayoutAccount { status } }`;
const ORDER = `query($id: UUID!) { order(id: $id) { status licenseId } }`;
const LICENCE = `query($id: UUID!) { license(id: $id) { verifyUrl } }`;
const SAMPLES = `query($id: UUID!) { styleModel(id: $id) { versions { sampleImages { url } } } }`;
const HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';

/** Where a URL points, without its path: `http://host:port`. */
const originOf = (url: string) => new URL(url).origin;
const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;

describe('origins without PUBLIC_URL: every URL comes back to the host it was asked on', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let creator: TestUser;
  let look: ReadyVersion;
  let port: string;

  beforeAll(async () => {
    api = await startTestApi({ listen: true, env: { PUBLIC_URL: '' } });
    port = new URL(api.url!).port;
    worker = await startTestWorker(api.db.url, {
      env: { LOCAL_GATEWAY_WEBHOOK_URL: `${api.url}/webhooks/stripe`, DATA_DIR: api.dataDir },
    });
    creator = await signUpUser(api.server);
    look = await publishedVersion(api, creator);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  /** GraphQL sent to this server under another Host (as a browser on that address would). */
  const gqlOn = async <T>(host: string, user: TestUser, query: string, variables: Record<string, unknown> = {}) => {
    const response = await request(api.server)
      .post('/graphql')
      .set('host', host)
      .set('authorization', `Bearer ${user.accessToken}`)
      .send({ query, variables });
    const body = response.body as { data?: T; errors?: unknown };
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

  it('payout onboarding returns the creator to the host they started on', async () => {
    const host = `localhost:${port}`;
    const { startPayoutOnboarding } = await gqlOn<{ startPayoutOnboarding: { url: string } }>(host, creator, ONBOARD);
    expect(originOf(startPayoutOnboarding.url)).toBe(`http://${host}`);
    const done = await request(api.server)
      .post(`${pathOf(startPayoutOnboarding.url)}/complete?bank=succeeds`)
      .set('host', host)
      .expect(303);
    expect(done.headers['location']).toBe(`http://${host}/earnings`);
    await eventually(
      async () => {
        const { myPayoutAccount } = await gqlOn<{ myPayoutAccount: { status: string } }>(host, creator, ACCOUNT);
        return myPayoutAccount.status === 'ACTIVE' ? true : undefined;
      },
      { what: 'account.updated processed' },
    );
  });

  it.each([
    ['127.0.0.1', (p: string) => `127.0.0.1:${p}`],
    ['localhost', (p: string) => `localhost:${p}`],
    ['an IPv6 literal', (p: string) => `[::1]:${p}`],
    ['a LAN name', (p: string) => `lookbook.lan:${p}`],
  ])('checkout on %s: the gateway page, the success URL and the licence’s verifyUrl stay on it', async (_, hostOf) => {
    const host = hostOf(port);
    const buyer = await signUpUser(api.server);
    const { checkout } = await gqlOn<{ checkout: { checkoutUrl: string; order: { id: string } } }>(
      host,
      buyer,
      CHECKOUT,
      { o: look.offers['COMMERCIAL']!.id },
    );
    expect(originOf(checkout.checkoutUrl)).toBe(`http://${host}`);
    const paid = await request(api.server)
      .post(`${pathOf(checkout.checkoutUrl)}/confirm?card=succeeds`)
      .set('host', host)
      .expect(303);
    expect(paid.headers['location']).toBe(`http://${host}/orders/${checkout.order.id}?checkout=success`);

    const licenseId = await eventually(
      async () => {
        const { order } = await gqlOn<{ order: { status: string; licenseId: string | null } }>(host, buyer, ORDER, {
          id: checkout.order.id,
        });
        return order.licenseId ?? undefined;
      },
      { what: 'order fulfilled' },
    );
    const { license } = await gqlOn<{ license: { verifyUrl: string } }>(host, buyer, LICENCE, { id: licenseId });
    expect(license.verifyUrl).toBe(`http://${host}/api/v1/licenses/${licenseId}/verify`);
  });

  it('does not trust X-Forwarded-Host without TRUST_PROXY, and never uses a Host that is not a host', async () => {
    const buyer = await signUpUser(api.server);
    const offer = look.offers['PERSONAL']!.id;
    const forwarded = await request(api.server)
      .post('/graphql')
      .set('host', `127.0.0.1:${port}`)
      .set('x-forwarded-host', 'evil.example')
      .set('x-forwarded-proto', 'https')
      .set('authorization', `Bearer ${buyer.accessToken}`)
      .send({ query: CHECKOUT, variables: { o: offer } });
    const { checkoutUrl } = (forwarded.body as { data: { checkout: { checkoutUrl: string } } }).data.checkout;
    expect(originOf(checkoutUrl)).toBe(`http://127.0.0.1:${port}`);

    for (const host of ['evil.example@127.0.0.1', 'a..b', `x_y:${port}`, `127.0.0.1:99999`]) {
      const other = await signUpUser(api.server);
      const { checkout } = await gqlOn<{ checkout: { checkoutUrl: string } }>(host, other, CHECKOUT, { o: offer });
      // The default (http://localhost:$PORT), never the header's text.
      expect(originOf(checkout.checkoutUrl)).toBe(`http://localhost:${port}`);
    }
  });

  it('media URLs are relative, so every host loads them from itself', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const response = await request(api.server)
        .post('/graphql')
        .set('host', host)
        .send({ query: SAMPLES, variables: { id: look.modelId } });
      const urls = (
        response.body as { data: { styleModel: { versions: { sampleImages: { url: string }[] }[] } } }
      ).data.styleModel.versions.flatMap((v) => v.sampleImages.map((i) => i.url));
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) expect(url).toMatch(/^\/media\/[0-9a-f]{64}\.(webp|png|jpg)$/);
    }
  });

  it('no host is redirected when no PUBLIC_URL is set', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const response = await request(api.server).get('/').set('host', host).set('accept', HTML).redirects(0);
      expect(response.status).not.toBe(301);
    }
  });
});

describe('origins with PUBLIC_URL: it is canonical', () => {
  const CANONICAL = 'https://lookbook.example';
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { PUBLIC_URL: `${CANONICAL}/` } });
  });
  afterAll(() => api.close());

  const get = (path: string, host: string, accept = HTML) =>
    request(api.server).get(path).set('host', host).set('accept', accept).redirects(0);

  it.each([
    '/',
    '/library',
    '/models/0190a5b0-0000-7000-8000-000000000001?version=0190a5b0-0000-7000-8000-000000000002',
    '/this-does-not-exist',
    '/sign-in?next=%2Forders%2Fx%3Fcheckout%3Dsuccess',
  ])('a page %s opened on another host moves there (301, path and query kept)', async (path) => {
    for (const host of ['127.0.0.1:3000', 'localhost:3000', 'old.example', 'LOOKBOOK.example:8443']) {
      const response = await get(path, host);
      expect(response.status).toBe(301);
      expect(response.headers['location']).toBe(`${CANONICAL}${path}`);
    }
    for (const method of ['head'] as const) {
      const response = await request(api.server)[method](path).set('host', 'localhost:3000').set('accept', HTML);
      expect(response.status).toBe(301);
    }
  });

  it('the canonical host itself is not redirected (any case)', async () => {
    for (const host of ['lookbook.example', 'LookBook.Example'])
      expect((await get('/library', host)).status).not.toBe(301);
  });

  it('the API, webhooks, health, media and non-HTML reads answer on every host', async () => {
    const host = 'localhost:3000';
    const graphql = await request(api.server)
      .post('/graphql')
      .set('host', host)
      .set('accept', HTML)
      .send({ query: '{ __typename }' });
    expect(graphql.status).toBe(200);
    expect((await get('/healthz', host)).body).toEqual({ status: 'ok' });
    expect((await get('/readyz', host)).status).toBe(200);
    expect((await get(`/media/${'0'.repeat(64)}.webp`, host)).status).toBe(404);
    expect((await get('/api/v1/licenses/0190a5b0-0000-7000-8000-000000000001/verify', host)).status).toBe(404);
    expect((await get('/graphql?query=%7B__typename%7D', host)).status).not.toBe(301);
    const webhook = await request(api.server)
      .post('/webhooks/stripe')
      .set('host', host)
      .set('content-type', 'application/json')
      .send({});
    expect(webhook.status).not.toBe(301);
    // A script reading a page (no HTML in Accept) is not a visitor.
    expect((await get('/library', host, 'application/json')).status).not.toBe(301);
  });
});
