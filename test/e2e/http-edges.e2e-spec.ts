import { randomUUID } from 'node:crypto';
import { signUpUser } from '@lookbook/testing';
import type { RawAnswer, RawRequest } from './support/raw-http';
import { rawRequest } from './support/raw-http';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

const MiB = 1024 * 1024;
const json = (value: unknown) => JSON.stringify(value);
const restError = (answer: RawAnswer) => (JSON.parse(answer.body) as { error: { code: string } }).error;
const graphqlErrors = (answer: RawAnswer) =>
  (JSON.parse(answer.body) as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors;

describe('HTTP edges', () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await startTestApi({ listen: true });
    token = (await signUpUser(api.server)).accessToken;
  });
  afterAll(() => api.close());

  const send = (request: RawRequest) => rawRequest(api.url!, request);
  const graphql = (payload: Record<string, unknown>) =>
    send({ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: json(payload) });

  describe('an operationName the document does not resolve is bad input, not a server error', () => {
    it.each([
      ['a name the document does not define', { query: '{ __typename }', operationName: 'Nope' }],
      [
        'a name among several operations that is neither',
        { query: 'query A { __typename } query B { __typename }', operationName: 'C' },
      ],
      ['a fragment’s name', { query: 'query A { ...F } fragment F on Query { __typename }', operationName: 'F' }],
      ['several operations and no name', { query: 'query A { __typename } query B { __typename }' }],
      [
        'several operations and an empty name',
        { query: 'query A { __typename } query B { __typename }', operationName: '' },
      ],
    ])('%s → 400 OPERATION_RESOLUTION_FAILURE', async (_, payload) => {
      const answer = await graphql(payload);
      expect(answer.status).toBe(400);
      const [error] = graphqlErrors(answer);
      expect(error!.extensions['code']).toBe('OPERATION_RESOLUTION_FAILURE');
      expect(error!.message).toMatch(/operation/i);
    });

    it('a document with no operation at all → 400, typed', async () => {
      for (const query of ['fragment F on Query { __typename }', '']) {
        const answer = await graphql({ query, operationName: 'F' });
        expect(answer.status).toBe(400);
        expect(typeof graphqlErrors(answer)[0]!.extensions['code']).toBe('string');
      }
    });

    it('the same documents with a name they define still run (and the unknown name did not poison them)', async () => {
      for (const [query, operationName] of [
        ['query A { __typename } query B { __typename }', 'B'],
        ['{ __typename }', undefined],
        ['query Known { __typename }', 'Known'],
      ] as const) {
        await graphql({ query, operationName: 'Nope' });
        const answer = await graphql({ query, operationName });
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.body)).toEqual({ data: { __typename: 'Query' } });
      }
    });
  });

  describe('a body over its route’s limit gets 413 PAYLOAD_TOO_LARGE, and the client receives it', () => {
    const version = randomUUID();
    const template = randomUUID();
    const templateVersion = randomUUID();
    const png = Buffer.alloc(26 * 1024 * 1024, 1);
    const cases: [string, RawRequest, number][] = [
      [
        'a certificate of 2 MB to verify',
        {
          method: 'POST',
          path: '/api/v1/licenses/verify',
          headers: { 'content-type': 'application/json' },
          body: json({ certificate: 'x'.repeat(2 * MiB) }),
        },
        MiB,
      ],
      [
        'a 26 MB sample image',
        {
          method: 'POST',
          path: `/api/v1/model-versions/${version}/sample-images`,
          headers: { 'content-type': 'image/png' },
          body: png,
        },
        25 * MiB,
      ],
      [
        'a 26 MB sample image, signed in',
        {
          method: 'POST',
          path: `/api/v1/model-versions/${version}/sample-images`,
          headers: { 'content-type': 'image/webp', authorization: 'Bearer TOKEN' },
          body: png,
        },
        25 * MiB,
      ],
      [
        'a 26 MB workflow image for a template version',
        {
          method: 'POST',
          path: `/api/v1/template-versions/${templateVersion}/images`,
          headers: { 'content-type': 'image/jpeg' },
          body: png,
        },
        25 * MiB,
      ],
      [
        'a 26 MB workflow file to import (streamed route)',
        {
          method: 'POST',
          path: `/api/v1/templates/${template}/versions`,
          headers: { 'content-type': 'application/octet-stream', authorization: 'Bearer TOKEN' },
          body: png,
        },
        25 * MiB,
      ],
      [
        'a 26 MB file to check (streamed route)',
        {
          method: 'POST',
          path: '/api/v1/license-check',
          headers: { 'content-type': 'application/octet-stream' },
          body: png,
        },
        25 * MiB,
      ],
      [
        'a 2 MB webhook',
        {
          method: 'POST',
          path: '/webhooks/stripe',
          headers: { 'content-type': 'application/json' },
          body: json({ pad: 'x'.repeat(2 * MiB) }),
        },
        MiB,
      ],
    ];

    it.each(cases)('%s → 413 in the REST error shape', async (_, request, limit) => {
      const headers = Object.fromEntries(
        Object.entries(request.headers ?? {}).map(([k, v]) => [k, v.replace('TOKEN', token)]),
      );
      for (const chunked of [false, true]) {
        const answer = await send({ ...request, headers, chunked });
        expect({ chunked, status: answer.status }).toEqual({ chunked, status: 413 });
        expect(answer.bodySent).toBe(true);
        const error = restError(answer);
        expect(error.code).toBe('PAYLOAD_TOO_LARGE');
        // Refused on the declared length, the limit is named; cut off while reading, the message says it.
        if (!chunked) expect(error).toMatchObject({ details: { limit } });
      }
    });

    it('a GraphQL document over 1 MiB → 413 as a GraphQL error', async () => {
      const query = `{ __typename } # ${'x'.repeat(MiB + 10)}`;
      for (const chunked of [false, true]) {
        for (const body of [json({ query }), json({ query: '{ __typename }', variables: { pad: 'x'.repeat(MiB) } })]) {
          const answer = await send({
            method: 'POST',
            path: '/graphql',
            headers: { 'content-type': 'application/json' },
            body,
            chunked,
          });
          expect(answer.status).toBe(413);
          expect(graphqlErrors(answer)[0]!.extensions['code']).toBe('PAYLOAD_TOO_LARGE');
        }
      }
    });

    it('with Expect: 100-continue, answers 413 before the body is sent — and says continue to a body it takes', async () => {
      for (const [, request] of cases) {
        const answer = await send({ ...request, expectContinue: true });
        expect(answer.status).toBe(413);
        expect(answer.interim).toEqual([]);
        expect(answer.bodySent).toBe(false);
        expect(restError(answer).code).toBe('PAYLOAD_TOO_LARGE');
      }
      const small = await send({
        method: 'POST',
        path: '/api/v1/licenses/verify',
        headers: { 'content-type': 'application/json' },
        body: json({ certificate: 'not-a-certificate' }),
        expectContinue: true,
      });
      expect(small.interim).toEqual([100]);
      expect(small.status).toBe(200);
      expect(JSON.parse(small.body)).toMatchObject({ valid: false });
    });

    it('any answer given before a body was read reaches a client that writes it all first', async () => {
      // Streamed routes check who is asking before reading: the refusal comes while the body is still arriving.
      for (const [path, method] of [
        [`/api/v1/templates/${template}/versions`, 'POST'],
        [`/api/v1/uploads/${randomUUID()}/content`, 'PUT'],
      ] as const) {
        for (const chunked of [false, true]) {
          const answer = await send({
            method,
            path,
            headers: { 'content-type': 'application/octet-stream' },
            body: Buffer.alloc(8 * MiB),
            chunked,
          });
          expect(answer.status).toBe(401);
          expect(answer.bodySent).toBe(true);
          expect(restError(answer).code).toBe('UNAUTHENTICATED');
        }
      }
    });

    it('a streamed route without a byte limit says continue, and its answer arrives after the body', async () => {
      // curl sends `Expect: 100-continue` for large uploads to the CLI upload route.
      for (const chunked of [false, true]) {
        const answer = await send({
          method: 'PUT',
          path: `/api/v1/uploads/${randomUUID()}/content`,
          headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
          body: Buffer.alloc(4 * MiB),
          chunked,
          expectContinue: true,
        });
        expect(answer.interim).toEqual([100]);
        expect(answer.bodySent).toBe(true);
        expect(answer.status).toBe(404);
        expect(restError(answer).code).toMatch(/NOT_FOUND$/);
      }
    });

    it('bodies at the limit are still taken', async () => {
      const certificate = 'x'.repeat(MiB - 100);
      const verify = await send({
        method: 'POST',
        path: '/api/v1/licenses/verify',
        headers: { 'content-type': 'application/json' },
        body: json({ certificate }),
      });
      expect(verify.status).toBe(200);
      expect(JSON.parse(verify.body)).toMatchObject({ valid: false });
      // 25 MiB exactly reaches the route (which then refuses the bytes for what they are, not for their size).
      const image = await send({
        method: 'POST',
        path: `/api/v1/model-versions/${version}/sample-images`,
        headers: { 'content-type': 'image/png', authorization: `Bearer ${token}` },
        body: Buffer.alloc(25 * MiB, 1),
      });
      expect(image.status).not.toBe(413);
      expect(restError(image).code).not.toBe('PAYLOAD_TOO_LARGE');
    });
  });
});
