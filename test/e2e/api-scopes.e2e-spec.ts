import { GraphQLSchemaHost } from '@nestjs/graphql';
import request from 'supertest';
import { gql } from '@lookbook/testing';
import type { TestUser } from '@lookbook/testing';
import { operationFor, registeredHandlers } from './support/routes';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { world } from './support/world';

type Scope = 'READ' | 'WRITE' | 'DOWNLOAD' | 'ADMIN';
/** Who may reach a handler: anonymous callers or not, and which single API-key scope (none: sessions only). */
interface Access {
  anonymous: boolean;
  key: Scope | null;
}

const open = (key: Scope): Access => ({ anonymous: true, key });
const signedIn = (key: Scope | null): Access => ({ anonymous: false, key });

/**
 * Every REST route and what it takes. Adding a route means adding it here: a reviewed decision, like the public list
 * in deny-by-default. Writes need WRITE, downloads DOWNLOAD, staff routes a session or an ADMIN key.
 */
const ROUTES: Record<string, Access> = {
  'GET /.well-known/jwks.json': open('READ'),
  // The development inbox: mounted only outside production (the production e2e answers 404).
  'GET /api/dev/mail': open('READ'),
  'GET /api/dev/mail/:id': open('READ'),
  'GET /api/v1/licenses/:id/verify': open('READ'),
  'GET /api/v1/me/notifications/stream': signedIn('READ'),
  'GET /api/v1/notifications/unsubscribe': open('READ'),
  'POST /api/v1/notifications/unsubscribe': open('WRITE'),
  'GET /api/v1/model-files/:id/download': open('DOWNLOAD'),
  'GET /api/v1/model-versions/by-hash/:hash': open('READ'),
  'GET /healthz': open('READ'),
  'GET /local-gateway/checkout/:id': open('READ'),
  'GET /local-gateway/onboarding/:link': open('READ'),
  'GET /media/:name': open('READ'),
  'GET /readyz': open('READ'),
  'POST /api/v1/license-check': open('READ'),
  'POST /api/v1/licenses/verify': open('READ'),
  'POST /api/v1/me/avatar': signedIn('WRITE'),
  'POST /api/v1/me/cover': signedIn('WRITE'),
  'POST /api/v1/model-versions/:id/sample-images': signedIn('WRITE'),
  'POST /local-gateway/accounts/:id/payouts': signedIn('ADMIN'),
  'POST /local-gateway/charges/:id/dispute': signedIn('ADMIN'),
  'POST /local-gateway/checkout/:id/confirm': open('WRITE'),
  'POST /local-gateway/checkout/:id/expire': signedIn('ADMIN'),
  'POST /local-gateway/disputes/:id/close': signedIn('ADMIN'),
  'POST /local-gateway/onboarding/:link/complete': open('WRITE'),
  'POST /webhooks/stripe': open('WRITE'),
  'POST /api/v1/templates/:id/versions': signedIn('WRITE'),
  'POST /api/v1/template-versions/:id/images': signedIn('WRITE'),
  'PUT /api/v1/uploads/:id/content': signedIn('WRITE'),
};

/** GraphQL operations whose key scope is not the default (queries READ, mutations WRITE). */
const SESSION_ONLY = [
  'Mutation.changePassword',
  'Mutation.createApiKey',
  'Mutation.requestEmailChange',
  'Mutation.resendVerificationEmail',
  'Mutation.revokeApiKey',
  'Mutation.revokeSession',
  'Mutation.setMaturityPreference',
  'Mutation.setUserRoles',
  'Mutation.signOut',
  'Mutation.startPayoutOnboarding',
  'Query.myApiKeys',
  'Query.mySessions',
];
const STAFF = [
  'Mutation.blockFileHash',
  'Mutation.deleteKnownModelFile',
  'Mutation.revokeLicense',
  'Mutation.upsertBaseModel',
  'Mutation.upsertKnownModelFile',
  'Query.moneyReviewQueue',
  'Query.searchIndexStatus',
];
const DOWNLOAD = ['Mutation.requestModelFileDownload'];

/** The guard's refusals; any other answer (404, 400, 200…) means the handler was reached. */
const REFUSALS = new Set(['UNAUTHENTICATED', 'API_KEY_SCOPE', 'SESSION_REQUIRED', 'FORBIDDEN']);

const SCOPES: Scope[] = ['READ', 'WRITE', 'DOWNLOAD', 'ADMIN'];

describe('API-key scopes hold on every REST route and GraphQL operation', () => {
  let api: TestApi;
  let admin: TestUser;
  let member: TestUser;
  const keys = {} as Record<Scope, string>;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await world(api).staff('admin');
    member = await world(api).member();
    for (const scope of SCOPES) {
      const created = await gql<{ createApiKey: { secret: string } }>(
        api.server,
        `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }`,
        { i: { name: `only ${scope}`, scopes: [scope] } },
        admin.accessToken,
      );
      if (!created.data) throw new Error(JSON.stringify(created.errors));
      keys[scope] = created.data.createApiKey.secret;
    }
  });
  afterAll(() => api.close());

  const pathOf = (path: string) =>
    path
      .replace(':hash', 'a'.repeat(64))
      .replace(':link', 'acctlink_0000')
      .replace(':id', path.startsWith('/local-gateway') ? 'cs_test_0000' : '0190a5b0-0000-7000-8000-000000000001');

  async function callRoute(method: string, path: string, token?: string): Promise<string> {
    const call = request(api.server)[method.toLowerCase() as 'get' | 'post' | 'put'](pathOf(path));
    if (token) call.set('authorization', `Bearer ${token}`);
    // An event stream never ends: its first chunk says enough (the refusal's JSON, or the stream's first event).
    if (path.endsWith('/stream'))
      void call.buffer(true).parse((res, done) => {
        res.once('data', (chunk: Buffer) => {
          const text = chunk.toString('utf8');
          (res as unknown as { destroy(): void }).destroy();
          try {
            done(null, JSON.parse(text));
          } catch {
            done(null, text);
          }
        });
      });
    const response = await call;
    const code = (response.body as { error?: { code?: string } } | undefined)?.error?.code;
    return (response.status === 401 || response.status === 403) && code && REFUSALS.has(code) ? code : 'reached';
  }

  it('has a reviewed entry for every registered route', () => {
    expect(registeredHandlers(api.app).routes.map((r) => r.route)).toEqual(Object.keys(ROUTES).sort());
  });

  it('lets through exactly the credentials each route takes', async () => {
    const seen: Record<string, Record<string, string>> = {};
    const expected: Record<string, Record<string, string>> = {};
    for (const { route, method, path } of registeredHandlers(api.app).routes) {
      const access = ROUTES[route]!;
      seen[route] = {
        anonymous: await callRoute(method, path),
        session: await callRoute(method, path, admin.accessToken),
      };
      expected[route] = { anonymous: access.anonymous ? 'reached' : 'UNAUTHENTICATED', session: 'reached' };
      for (const scope of SCOPES) {
        seen[route][scope] = await callRoute(method, path, keys[scope]);
        expected[route][scope] = scope === access.key ? 'reached' : 'API_KEY_SCOPE';
      }
    }
    expect(seen).toEqual(expected);
  });

  it('keeps staff routes from members, whatever they present', async () => {
    for (const [route, access] of Object.entries(ROUTES).filter(([, a]) => a.key === 'ADMIN')) {
      const [method, path] = route.split(' ') as [string, string];
      expect({ route, code: await callRoute(method, path, member.accessToken) }).toEqual({ route, code: 'FORBIDDEN' });
      expect(access.anonymous).toBe(false);
    }
  });

  it('holds GraphQL operations to the same rule', async () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const seen: Record<string, string[]> = {};
    const expected: Record<string, string[]> = {};
    for (const [kind, type] of [
      ['query', schema.getQueryType()!],
      ['mutation', schema.getMutationType()!],
    ] as const) {
      for (const field of Object.values(type.getFields())) {
        const name = `${type.name}.${field.name}`;
        const needed: Scope | null = SESSION_ONLY.includes(name)
          ? null
          : STAFF.includes(name)
            ? 'ADMIN'
            : DOWNLOAD.includes(name)
              ? 'DOWNLOAD'
              : kind === 'query'
                ? 'READ'
                : 'WRITE';
        const { query, variables } = operationFor(kind, field);
        seen[name] = [];
        for (const scope of SCOPES) {
          const response = await gql(api.server, query, variables, keys[scope]);
          const code = response.errors?.[0]?.extensions?.code;
          if (!code || !REFUSALS.has(code)) seen[name].push(scope);
        }
        expected[name] = needed ? [needed] : [];
      }
    }
    expect(seen).toEqual(expected);
  });
});
