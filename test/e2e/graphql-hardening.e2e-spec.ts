import request from 'supertest';
import { newKey } from '@lookbook/licensing';
import { errorCode, gql, signUpUser } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

describe('GraphQL hardening', () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    // Small limits so the flat identity schema can reach them; the mechanism is the same at production limits.
    api = await startTestApi({
      env: { GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_ALIASES: '5', GRAPHQL_MAX_COST: '20', GRAPHQL_MAX_TOKENS: '300' },
    });
    token = (await signUpUser(api.server)).accessToken;
  });
  afterAll(() => api.close());

  it('refuses documents deeper than the limit', async () => {
    const deep = await gql(api.server, `{ mySessions { edges { node { id } } } }`, {}, token);
    expect(errorCode(deep)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(deep.errors![0]!.message).toMatch(/depth/i);
    expect((await gql(api.server, `{ mySessions { nodes { id } } }`, {}, token)).errors).toBeUndefined();
  });

  it('refuses too many aliases', async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ');
    const response = await gql(api.server, `{ ${aliases(6)} }`, {}, token);
    expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors!.map((e) => e.message).join(' ')).toMatch(/Aliases limit of 5/);
    expect((await gql(api.server, `{ ${aliases(2)} }`, {}, token)).errors).toBeUndefined();
  });

  it('refuses documents over the cost limit', async () => {
    const response = await gql(
      api.server,
      `{ me { id handle email roles displayName createdAt } myApiKeys { nodes { id name } } mySessions { nodes { id createdAt } } }`,
      {},
      token,
    );
    expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors!.map((e) => e.message).join(' ')).toMatch(/cost/i);
  });

  it('refuses documents with too many tokens with a 400, like the other limits', async () => {
    for (const query of [
      `{ ${'__typename '.repeat(400)} }`,
      `query($a: Int) { me { id } } ${'# c\n'.repeat(5)}`.repeat(80),
    ]) {
      const response = await gql(api.server, query);
      expect(response.status).toBe(400);
      expect(errorCode(response)).toBe('GRAPHQL_PARSE_FAILED');
      expect(response.errors![0]!.message).toMatch(/more tha[nt] 300 tokens/);
    }
    expect((await gql(api.server, `{ ${'__typename '.repeat(10)} }`)).status).toBe(200); // under every limit
  });

  it('holds introspection queries to the depth limit too', async () => {
    const deep = await gql(api.server, `{ __schema { types { fields { type { name } } } } }`);
    expect(errorCode(deep)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(deep.errors![0]!.message).toMatch(/depth/i);
  });

  it('refuses fragment cycles', async () => {
    const response = await gql(
      api.server,
      `query { me { ...A } } fragment A on Me { ...B } fragment B on Me { ...A }`,
      {},
      token,
    );
    expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses batched HTTP requests', async () => {
    const response = await request(api.server)
      .post('/graphql')
      .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toMatch(/batching disabled/i);
  });

  it('refuses oversized bodies', async () => {
    const response = await request(api.server)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } }));
    expect(response.status).toBe(413);
  });

  it('refuses mutations over GET and simple cross-site POSTs (CSRF)', async () => {
    const get = await request(api.server)
      .get('/graphql')
      .set('apollo-require-preflight', 'true')
      .query({ query: 'mutation { signOut }' });
    expect(get.status).toBe(405);
    const form = await request(api.server)
      .post('/graphql')
      .set('content-type', 'text/plain')
      .send('{"query":"{ __typename }"}');
    expect(form.status).toBeGreaterThanOrEqual(400);
  });

  it('keeps suggestions and introspection in development', async () => {
    const typo = await gql(api.server, `{ mee { id } }`, {}, token);
    expect(typo.errors![0]!.message).toMatch(/Did you mean/);
    expect((await gql(api.server, `{ __schema { queryType { name } } }`)).errors).toBeUndefined();
  });

  describe('in production', () => {
    let prod: TestApi;
    beforeAll(async () => {
      prod = await startTestApi({
        env: {
          NODE_ENV: 'production',
          PUBLIC_URL: 'https://lookbook.example',
          DATABASE_URL: 'postgres://set-by-harness@x/y',
          S3_ENDPOINT: 'http://127.0.0.1:1',
          S3_ACCESS_KEY_ID: 'unused',
          S3_SECRET_ACCESS_KEY: 'unused',
          LICENSE_SIGNING_KEYS: JSON.stringify([await newKey()]),
          SMTP_URL: 'smtp://127.0.0.1:1',
          PAYMENTS_PROVIDER: 'stripe',
          STRIPE_SECRET_KEY: 'sk_test_unused',
          STRIPE_WEBHOOK_SECRET: 'whsec_unused',
        },
      });
    });
    afterAll(() => prod.close());

    it('turns off introspection and "did you mean" suggestions', async () => {
      const introspection = await gql(prod.server, `{ __schema { types { name } } }`);
      expect(errorCode(introspection)).toBe('GRAPHQL_VALIDATION_FAILED');
      const typo = await gql(prod.server, `{ mee { id } }`);
      expect(typo.errors![0]!.message).not.toMatch(/Did you mean/);
    });

    it('has no development inbox (the route is not mounted at all)', async () => {
      expect((await request(prod.server).get('/api/dev/mail')).status).toBe(404);
      expect((await request(prod.server).get(`/api/dev/mail/${'a'.repeat(32)}`)).status).toBe(404);
    });
  });

  it('never returns stack traces or internals in errors', async () => {
    const responses = [
      await gql(api.server, `{ me { id } }`),
      await gql(api.server, `{ me { id } }`, {}, 'garbage'),
      await gql(api.server, `{ nope }`),
      await gql(api.server, `mutation { revokeSession(id: "'; DROP TABLE x; --") }`, {}, token),
    ];
    for (const response of responses) {
      const text = JSON.stringify(response.errors);
      expect(response.errors?.[0]?.extensions?.code).toEqual(expect.any(String));
      expect(text).not.toMatch(/stacktrace|at \w+ \(|node_modules|SELECT|identity\./i);
    }
  });
});
