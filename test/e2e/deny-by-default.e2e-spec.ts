import { RequestMethod } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLField, GraphQLInputType } from 'graphql';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import request from 'supertest';
import { IS_PUBLIC } from '@lookbook/core';
import { gql } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

/** Every operation reachable anonymously. Adding one here is a security review, not a formality. */
const PUBLIC_OPERATIONS = [
  'Mutation.refreshSession',
  'Mutation.requestModelFileDownload', // free files to anyone; paid ones checked inside
  'Mutation.signIn',
  'Mutation.signUp',
  'Query.baseModels',
  'Query.modelVersion', // published only, unless you own it
  'Query.styleModel', // published only, unless you own it
  'Query.styleModels',
  'Query.user',
  'Query.verifyLicense', // anyone shown a licence may check it
];
const PUBLIC_ROUTES = [
  'GET /.well-known/jwks.json',
  'GET /api/v1/licenses/:id/verify',
  'GET /api/v1/model-files/:id/download',
  'GET /api/v1/model-versions/by-hash/:hash',
  'GET /healthz',
  'GET /local-gateway/checkout/:id', // the local gateway's hosted pages (unguessable ids, like Stripe's); 404 otherwise
  'GET /local-gateway/onboarding/:link',
  'GET /readyz',
  'POST /api/v1/licenses/verify',
  'POST /local-gateway/checkout/:id/confirm',
  'POST /local-gateway/onboarding/:link/complete',
  'POST /webhooks/stripe', // authenticated by the Stripe signature instead
];

function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.name; // variables take enum names
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).map((field) => [field.name, sampleValue(field.type)]));
  }
  if (isScalarType(type)) {
    return (
      ({ Int: 1, Float: 1, Boolean: true, DateTime: new Date().toISOString() } as Record<string, unknown>)[type.name] ??
      'x'
    );
  }
  return null;
}

/** A valid anonymous request for any root field: variables for its arguments, `__typename` for its selection. */
function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const args = field.args;
  const defs = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return {
    query: `${kind}${defs ? `(${defs})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`,
    variables: Object.fromEntries(args.map((a) => [a.name, sampleValue(a.type)])),
  };
}

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
    const discovery = api.app.get(DiscoveryService);
    const scanner = api.app.get(MetadataScanner);
    const reflector = api.app.get(Reflector);
    const publicOps: string[] = [];
    const publicRoutes: string[] = [];
    for (const wrapper of [...discovery.getProviders(), ...discovery.getControllers()]) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || !wrapper.metatype) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, (...a: unknown[]) => unknown>)[method]!;
        const isPublic =
          reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
            handler,
            wrapper.metatype as (...a: unknown[]) => unknown,
          ]) === true;
        const resolverType = Reflect.getMetadata('graphql:resolver_type', handler) as string | undefined;
        const resolverName = (Reflect.getMetadata('graphql:resolver_name', handler) as string | undefined) ?? method;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (isPublic && resolverType) publicOps.push(`${resolverType}.${resolverName}`);
        if (isPublic && path !== undefined) {
          const verb = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
          const prefix = (Reflect.getMetadata(PATH_METADATA, wrapper.metatype) as string | undefined) ?? '/';
          publicRoutes.push(
            `${verb} /${[prefix, path]
              .map((p) => p.replace(/^\/|\/$/g, ''))
              .filter(Boolean)
              .join('/')}`,
          );
        }
      }
    }
    expect(publicOps.sort()).toEqual(PUBLIC_OPERATIONS);
    expect(publicRoutes.sort()).toEqual(PUBLIC_ROUTES);
  });

  it('answers unknown REST paths with a JSON 404, not a stack', async () => {
    const response = await request(api.server).get('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });
});
