import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { PublicJwk } from '@lookbook/licensing';
import { LicenseKeyRing, signCertificate, verifyCertificate } from '@lookbook/licensing';
import { createTestDatabase, errorCode, gql, signUpUser, TcpProxy } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

describe('health, readiness and database outages', () => {
  let api: TestApi;
  let proxy: TcpProxy;
  beforeAll(async () => {
    const database = await createTestDatabase();
    proxy = TcpProxy.forUrl(database.url);
    await proxy.start();
    api = await startTestApi({ database, connectVia: (url) => proxy.proxiedUrl(url) });
  });
  afterAll(async () => {
    await api.close();
    await proxy.stop();
  });

  it('reports liveness and readiness, and tags responses with a request id', async () => {
    const health = await request(api.server).get('/healthz');
    expect(health.status).toBe(200);
    expect(health.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const ready = await request(api.server).get('/readyz').set('x-request-id', 'trace-abc-12345');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', checks: { database: 'ok' } });
    expect(ready.headers['x-request-id']).toBe('trace-abc-12345');
    const hostile = await request(api.server).get('/healthz').set('x-request-id', 'bad id <script>alert(1)</script>');
    expect(hostile.headers['x-request-id']).not.toContain('script');
  });

  it('flips readiness while the database is gone and recovers without a restart', async () => {
    const user = await signUpUser(api.server);
    await proxy.cut();
    const down = await request(api.server).get('/readyz');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'unavailable', checks: { database: 'down' } });
    expect((await request(api.server).get('/healthz')).status).toBe(200);
    const during = await gql(api.server, `{ me { handle } }`, {}, user.accessToken);
    expect(errorCode(during)).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(during.errors)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
    const failedSignUp = await gql(
      api.server,
      `mutation { signUp(input: { handle: "during_outage", email: "o@example.test", password: "Umber-quartz-outage-lantern", acceptTerms: true }) { user { id } } }`,
    );
    expect(errorCode(failedSignUp)).toBe('SERVICE_UNAVAILABLE');

    await proxy.restore();
    let ready = 0;
    for (let i = 0; i < 50 && ready !== 200; i += 1) {
      ready = (await request(api.server).get('/readyz')).status;
      if (ready !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ready).toBe(200);
    const after = await gql<{ me: { handle: string } }>(api.server, `{ me { handle } }`, {}, user.accessToken);
    expect(after.data!.me.handle).toBe(user.handle);
    // Nothing half-written during the outage.
    expect(await api.db.query(`SELECT id FROM identity.user WHERE handle = 'during_outage'`)).toEqual([]);
  });
});

describe('licence signing keys', () => {
  it('publishes the JWKS: public parts only, cacheable, and certificates verify against it', async () => {
    const api = await startTestApi();
    try {
      const response = await request(api.server).get('/.well-known/jwks.json');
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=300');
      expect(response.body.keys).toHaveLength(1);
      expect(response.body.keys[0]).toEqual({
        kid: expect.any(String),
        kty: 'OKP',
        crv: 'Ed25519',
        x: expect.any(String),
        alg: 'EdDSA',
        use: 'sig',
      });
      const token = await signCertificate(
        {
          grantId: 'g',
          licenseeId: 'u',
          resource: 'urn:lookbook:model:m:version:v',
          tier: 'PERSONAL',
          termsSha256: 'a'.repeat(64),
          fileSha256s: [],
          issuedAt: new Date(),
        },
        api.app.get(LicenseKeyRing),
      );
      await expect(verifyCertificate(token, response.body as { keys: PublicJwk[] })).resolves.toMatchObject({
        grantId: 'g',
      });
    } finally {
      await api.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes in-flight requests, then refuses new connections', async () => {
    const api = await startTestApi();
    await api.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const arrived = new Promise<void>((resolve) => api.app.getHttpServer().once('request', () => resolve()));
    // Sign-up hashes with Argon2id: slow enough to still be running when shutdown starts.
    const inFlight = fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { signUp(input: { handle: "draining_user", email: "drain@example.test", password: "Umber-quartz-drain-lantern", acceptTerms: true }) { user { handle } } }`,
      }),
    });
    await arrived;
    const t0 = Date.now();
    const closing = api.app.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { signUp: { user: { handle: 'draining_user' } } } });
    await closing;
    // Drained promptly: the in-flight request's keep-alive socket closed with its response.
    expect(Date.now() - t0).toBeLessThan(3000);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    expect(await api.db.query(`SELECT handle FROM identity.user`)).toEqual([{ handle: 'draining_user' }]);
    await api.db.drop();
  });
});
