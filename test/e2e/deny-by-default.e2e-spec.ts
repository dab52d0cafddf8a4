import { GraphQLSchemaHost } from '@nestjs/graphql';
import request from 'supertest';
import { gql } from '@lookbook/testing';
import { operationFor, registeredHandlers } from './support/routes';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

/** Every operation reachable anonymously. Adding one here is a security review, not a formality. */
const PUBLIC_OPERATIONS = [
  'Mutation.confirmEmailChange', // the one-time link mailed to the new address is the credential
  'Mutation.refreshSession',
  'Mutation.requestModelFileDownload', // free files to anyone; paid ones checked inside
  'Mutation.requestPasswordReset', // the same answer for every address; rate limited per address and IP
  'Mutation.resetPassword', // the one-time link from the reset mail is the credential
  'Mutation.signIn',
  'Mutation.signUp',
  'Mutation.verifyEmail', // the one-time link mailed to the address is the credential
  'Query.baseModels',
  'Query.collection', // public collections; a private one reads as not found to anyone but its owner and editors
  'Query.commentReplies', // replies on public subjects, as `discussion` filters them
  'Query.currencies',
  'Query.discussion', // comments on published models, templates and versions; blocks and hidden applied per viewer
  'Query.facetValues', // published models only, like search
  'Query.featuredCollections', // public collections only, with published items only
  'Query.followState', // public counts; `following` is false when signed out
  'Query.knownModelFiles', // public facts: well-known files (SD, FLUX, …) and the licences they are published under
  'Query.memberCollections', // a member's public collections only
  'Query.memberReviews', // reviews of published work, none across a block
  'Query.modelParents', // a published model's declared parents (the royalties its price pays), or your own
  'Query.modelVersion', // published only, unless you own it
  'Query.profile', // public profile fields and counts; licences sold only when the creator shows them
  'Query.renderTemplate', // published template versions only, unless you own it
  'Query.reviewEligibility', // SIGNED_OUT when anonymous; otherwise only the viewer's own licence and review
  'Query.reviewRevisions', // the history of a review the viewer may see
  'Query.reviews', // none across a block
  'Query.search', // published models only
  'Query.styleModel', // published only, unless you own it
  'Query.styleModels',
  'Query.suggest', // names of published models, tags and creators
  'Query.template', // published only, unless you own it
  'Query.templateLineage', // edges between templates the viewer may see
  'Query.templateVersion', // published only, unless you own it
  'Query.user',
  'Query.verifyLicense', // anyone shown a licence may check it
];
const PUBLIC_ROUTES = [
  'GET /.well-known/jwks.json',
  'GET /api/dev/mail', // the development inbox: never mounted in production (graphql-hardening checks)
  'GET /api/dev/mail/:id',
  'GET /api/v1/licenses/:id/verify',
  'GET /api/v1/model-files/:id/download',
  'GET /api/v1/model-versions/by-hash/:hash',
  'GET /api/v1/notifications/unsubscribe', // the signed one-click link of a mail (shows a button; changes nothing)
  'GET /healthz',
  'GET /local-gateway/checkout/:id', // the local gateway's hosted pages (unguessable ids, like Stripe's); 404 otherwise
  'GET /local-gateway/onboarding/:link',
  'GET /media/:name', // public media by content address (a CDN serves the same in production)
  'GET /readyz',
  'POST /api/v1/license-check', // parses a dropped file, never stores it; rate-limited
  'POST /api/v1/licenses/verify',
  'POST /api/v1/notifications/unsubscribe', // RFC 8058 one-click: authorised by the link's signature, no session
  'POST /local-gateway/checkout/:id/confirm',
  'POST /local-gateway/onboarding/:link/complete',
  'POST /webhooks/stripe', // authenticated by the Stripe signature instead
];

describe('deny by default', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('refuses every non-public GraphQL operation to an anonymous caller', async () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const roots = [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
    ] as const;
    const checked: string[] = [];
    let total = 0;
    for (const [kind, type] of roots) {
      for (const field of Object.values(type!.getFields())) {
        total += 1;
        const name = `${type!.name}.${field.name}`;
        if (PUBLIC_OPERATIONS.includes(name)) continue;
        const { query, variables } = operationFor(kind, field);
        const response = await gql(api.server, query, variables);
        expect({ name, code: response.errors?.[0]?.extensions?.code }).toEqual({ name, code: 'UNAUTHENTICATED' });
        checked.push(name);
      }
    }
    expect(checked.length).toBe(total - PUBLIC_OPERATIONS.length);
    expect(checked.length).toBeGreaterThan(0);
  });

  it('marks exactly the reviewed resolvers and routes @Public()', () => {
    const { routes, resolvers } = registeredHandlers(api.app);
    expect(resolvers.filter((r) => r.isPublic).map((r) => r.name)).toEqual(PUBLIC_OPERATIONS);
    expect(routes.filter((r) => r.isPublic).map((r) => r.route)).toEqual(PUBLIC_ROUTES);
  });

  it('answers unknown REST paths with a JSON 404, not a stack', async () => {
    const response = await request(api.server).get('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });
});
