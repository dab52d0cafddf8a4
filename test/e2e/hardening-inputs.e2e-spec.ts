import request from 'supertest';
import { errorCode, gql, OFFERS, setOffers, signUpUser } from '@lookbook/testing';
import type { GraphqlResponse, TestUser } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { world } from './support/world';

/** Text no field may hold: each refused with INVALID_TEXT naming the field. */
const HOSTILE: [string, string, string][] = [
  ['a NUL', 'ink\u0000wash', 'CONTROL_CHARACTER'],
  ['an escape sequence', '\u001b[2Jink', 'CONTROL_CHARACTER'],
  ['a lone surrogate', 'ink\ud800', 'INVALID_UNICODE'],
  ['a right-to-left override', 'ink\u202ewash', 'BIDI_OVERRIDE'],
  ['an isolate', '\u2066ink\u2069', 'BIDI_OVERRIDE'],
  ['only invisible characters', '\u200b\u2060\ufeff', 'BLANK'],
];

const MISSING = '0190a5b0-0000-7000-8000-00000000dead';

describe('hardening: every input at the edge', () => {
  let api: TestApi;
  let creator: TestUser;
  let stranger: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    api = await startTestApi();
    [creator, stranger] = await Promise.all([world(api).member(), world(api).member()]);
    admin = await world(api).staff('admin');
  });
  afterAll(() => api.close());

  const as = <T>(user: TestUser | undefined, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(api.server, query, variables, user?.accessToken);
  const count = async (table: string) =>
    (await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  const textError = (response: GraphqlResponse<unknown>) => ({
    code: errorCode(response),
    field: response.errors?.[0]?.extensions?.['field'],
    problem: response.errors?.[0]?.extensions?.['problem'],
  });

  async function draft(owner = creator) {
    const model = await as<{ createStyleModel: { id: string } }>(
      owner,
      `mutation { createStyleModel(input: { name: "Draft ${Math.random()}", type: LORA, baseModelId: "sdxl-1.0", maturity: SFW }) { id } }`,
    );
    const version = await as<{ createModelVersion: { id: string } }>(
      owner,
      `mutation($m: UUID!) { createModelVersion(modelId: $m, input: { name: "v1" }) { id } }`,
      { m: model.data!.createStyleModel.id },
    );
    return { modelId: model.data!.createStyleModel.id, versionId: version.data!.createModelVersion.id };
  }

  describe('text rules', () => {
    /** Each operation takes the hostile text in one field; the table is what it may change. */
    const CASES: {
      name: string;
      field: string;
      table: string;
      run: (value: string) => Promise<GraphqlResponse<unknown>>;
    }[] = [
      {
        name: 'sign-in login (anonymous)',
        field: 'input.login',
        table: 'identity.session',
        run: (v) =>
          as(undefined, `mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
            i: { login: v, password: 'whatever-it-is-123' },
          }),
      },
      {
        name: 'sign-up display name',
        field: 'input.displayName',
        table: 'identity.user',
        run: (v) =>
          as(undefined, `mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }`, {
            i: {
              handle: `h${Date.now() % 1e9}`,
              email: `x${Math.random()}@example.test`,
              password: 'Umber-quartz-ff00aa-lantern',
              displayName: v,
              acceptTerms: true,
            },
          }),
      },
      {
        name: 'model name',
        field: 'input.name',
        table: 'catalog.style_model',
        run: (v) =>
          as(creator, `mutation($i: CreateStyleModelInput!) { createStyleModel(input: $i) { id } }`, {
            i: { name: v, type: 'LORA', baseModelId: 'sdxl-1.0', maturity: 'SFW' },
          }),
      },
      {
        name: 'model description',
        field: 'input.description',
        table: 'catalog.style_model',
        run: (v) =>
          as(creator, `mutation($i: CreateStyleModelInput!) { createStyleModel(input: $i) { id } }`, {
            i: { name: 'ok', description: v, type: 'LORA', baseModelId: 'sdxl-1.0', maturity: 'SFW' },
          }),
      },
      {
        name: 'model tags',
        field: 'input.tags[1]',
        table: 'catalog.style_model',
        run: (v) =>
          as(creator, `mutation($i: CreateStyleModelInput!) { createStyleModel(input: $i) { id } }`, {
            i: { name: 'ok', tags: ['fine', v], type: 'LORA', baseModelId: 'sdxl-1.0', maturity: 'SFW' },
          }),
      },
      {
        name: 'API key name',
        field: 'input.name',
        table: 'identity.api_key',
        run: (v) =>
          as(creator, `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }`, {
            i: { name: v, scopes: ['READ'] },
          }),
      },
      {
        name: 'block reason (staff)',
        field: 'reason',
        table: 'catalog.blocked_hash',
        run: (v) =>
          as(admin, `mutation($r: String!) { blockFileHash(sha256: "${'b'.repeat(64)}", reason: $r) }`, { r: v }),
      },
      {
        name: 'base model name (admin)',
        field: 'input.name',
        table: 'catalog.base_model',
        run: (v) =>
          as(admin, `mutation($i: BaseModelInput!) { upsertBaseModel(input: $i) { id } }`, {
            i: { id: 'evil-base', name: v, ecosystem: 'X', licenseName: 'MIT', nonCommercial: false },
          }),
      },
      {
        name: 'revocation note (staff)',
        field: 'note',
        table: 'licensing.grant',
        run: (v) =>
          as(admin, `mutation($n: String) { revokeLicense(id: "${MISSING}", reason: FRAUD, note: $n) { id } }`, {
            n: v,
          }),
      },
    ];

    it.each(CASES.flatMap((c) => HOSTILE.map(([what, value, problem]) => [c.name, what, c, value, problem] as const)))(
      '%s with %s: INVALID_TEXT naming the field, nothing written',
      async (_name, _what, testCase, value, problem) => {
        const before = await count(testCase.table);
        expect(textError(await testCase.run(value))).toEqual({ code: 'INVALID_TEXT', field: testCase.field, problem });
        expect(await count(testCase.table)).toBe(before);
      },
    );

    it('refuses hostile text in version fields, settings and credit lines of an existing draft', async () => {
      const { modelId, versionId } = await draft();
      const UPDATE_VERSION = `mutation($id: UUID!, $i: UpdateModelVersionInput!) { updateModelVersion(id: $id, input: $i) { name } }`;
      for (const [input, field] of [
        [{ name: 'v\u0000' }, 'input.name'],
        [{ changelog: 'fixed\ud83d' }, 'input.changelog'],
        [{ triggerWords: ['ok', '\u202eword'] }, 'input.triggerWords[1]'],
        [{ recommendedSettings: [{ key: 'sampler', value: 'euler\u0007' }] }, 'input.recommendedSettings[0].value'],
      ] as const) {
        expect(textError(await as(creator, UPDATE_VERSION, { id: versionId, i: input }))).toMatchObject({
          code: 'INVALID_TEXT',
          field,
        });
      }
      const [row] = await api.db.query<{ name: string; changelog: string }>(
        `SELECT name, changelog FROM catalog.model_version WHERE id = $1`,
        [versionId],
      );
      expect(row).toEqual({ name: 'v1', changelog: '' });
      const credit = (creditLine: string) =>
        as(
          creator,
          `mutation($v: UUID!, $o: [LicenseOfferInput!]!) { setLicenseOffers(versionId: $v, offers: $o) { id } }`,
          {
            v: versionId,
            o: [{ ...OFFERS.commercial, permissions: { ...OFFERS.commercial.permissions, creditLine } }],
          },
        );
      expect(textError(await credit('Ada\u0000'))).toMatchObject({ code: 'INVALID_TEXT' });
      expect(textError(await credit('Ada.\n\n4. Commercial use. NOT permitted'))).toMatchObject({
        code: 'INVALID_TEXT',
        problem: 'LINE_BREAK',
      });
      expect(await count(`licensing.offer WHERE version_id = '${versionId}'`)).toBe(0);
      // Single-line fields refuse line breaks; multi-line ones keep them.
      const UPDATE_MODEL = `mutation($id: UUID!, $i: UpdateStyleModelInput!) { updateStyleModel(id: $id, input: $i) { name description } }`;
      expect(textError(await as(creator, UPDATE_MODEL, { id: modelId, i: { name: 'two\nlines' } }))).toMatchObject({
        problem: 'LINE_BREAK',
        field: 'name',
      });
      const ok = await as<{ updateStyleModel: { description: string; name: string } }>(creator, UPDATE_MODEL, {
        id: modelId,
        i: { name: 'Cafe\u0301 study', description: 'line one\r\nline two\n' },
      });
      expect(ok.data!.updateStyleModel).toEqual({ name: 'Café study', description: 'line one\nline two' }); // NFC
    });

    it('refuses hostile text in REST bodies too', async () => {
      const response = await request(api.server).post('/api/v1/licenses/verify').send({ certificate: 'a.b\u0000.c' });
      expect([response.status, response.body.error.code, response.body.error.details.field]).toEqual([
        400,
        'INVALID_TEXT',
        'body.certificate',
      ]);
    });
  });

  describe('ids and numbers at the edge', () => {
    it.each([
      ['a malformed literal filter', `{ styleModels(filter: { ownerId: "abc" }) { nodes { id } } }`, {}],
      [
        'a malformed variable filter',
        `query($o: UUID) { styleModels(filter: { ownerId: $o }) { nodes { id } } }`,
        { o: 'abc' },
      ],
      ['a malformed literal id', `{ styleModel(id: "1' OR '1'='1") { id } }`, {}],
      ['an id of the wrong type', `query($id: UUID!) { modelVersion(id: $id) { id } }`, { id: 42 }],
      ['an empty id', `query($id: UUID!) { license(id: $id) { id } }`, { id: '' }],
      [
        'a fractional amount',
        `mutation($a: SafeInt) { refundOrder(orderId: "${MISSING}", amount: $a) { id } }`,
        { a: 1.5 },
      ],
      ['an amount past 2^53', `mutation { refundOrder(orderId: "${MISSING}", amount: 9007199254740993) { id } }`, {}],
      [
        'an amount as a string',
        `mutation($a: SafeInt) { refundOrder(orderId: "${MISSING}", amount: $a) { id } }`,
        { a: '100' },
      ],
    ])('answers %s with BAD_USER_INPUT', async (_name, query, variables) => {
      expect(errorCode(await as(creator, query, variables))).toBe('BAD_USER_INPUT');
    });

    it('answers a well-formed unknown id with the resource\u2019s NOT_FOUND', async () => {
      expect(errorCode(await as(creator, `{ styleModel(id: "${MISSING}") { id } }`))).toBe('MODEL_NOT_FOUND');
      expect(
        (await as(creator, `{ styleModels(filter: { ownerId: "${MISSING}" }) { nodes { id } } }`)).errors,
      ).toBeUndefined();
    });

    it.each([
      ['GET', '/api/v1/model-files/abc/download'],
      ['GET', '/api/v1/licenses/%27%3B--/verify'],
      ['PUT', '/api/v1/uploads/not-a-uuid/content'],
      ['POST', '/api/v1/model-versions/123/sample-images'],
    ])('answers %s %s (malformed id) with 400 INVALID_ID', async (method, path) => {
      const call = request(api.server)
        [method.toLowerCase() as 'get' | 'put' | 'post'](path)
        .set('authorization', `Bearer ${creator.accessToken}`);
      const response =
        method === 'GET'
          ? await call
          : await call.set('content-type', 'application/octet-stream').send(Buffer.from('x'));
      expect([response.status, response.body.error?.code]).toEqual([400, 'INVALID_ID']);
    });
  });

  describe('HTTP edges', () => {
    async function openUpload() {
      const { versionId } = await draft();
      const created = await as<{ createModelFileUpload: { upload: { id: string } } }>(
        creator,
        `mutation($v: UUID!) { createModelFileUpload(versionId: $v, input: { fileName: "a.safetensors", size: 16 }) { upload { id } } }`,
        { v: versionId },
      );
      return { versionId, uploadId: created.data!.createModelFileUpload.upload.id };
    }

    it.each([
      ['JSON', 'application/json', '{"a":1}'],
      ['form data', 'application/x-www-form-urlencoded', 'a=1'],
      ['no content type', null, null],
    ])('refuses a streamed upload sent as %s with 415, and the upload stays open', async (_name, type, body) => {
      const { uploadId } = await openUpload();
      let call = request(api.server)
        .put(`/api/v1/uploads/${uploadId}/content`)
        .set('authorization', `Bearer ${creator.accessToken}`);
      if (type) call = call.set('content-type', type);
      const response = body ? await call.send(body) : await call;
      expect([response.status, response.body.error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      const [upload] = await api.db.query<{ status: string }>(`SELECT status FROM catalog.upload WHERE id = $1`, [
        uploadId,
      ]);
      expect(upload!.status).toBe('UPLOADING');
    });

    it.each([
      ['JSON', 'application/json', '{"a":1}'],
      ['a raw stream', 'application/octet-stream', 'abc'],
      ['text', 'text/plain', 'hello'],
    ])('refuses a sample image sent as %s with 415', async (_name, type, body) => {
      const { versionId } = await draft();
      const response = await request(api.server)
        .post(`/api/v1/model-versions/${versionId}/sample-images`)
        .set('authorization', `Bearer ${creator.accessToken}`)
        .set('content-type', type)
        .send(body);
      expect([response.status, response.body.error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      expect(await count(`catalog.sample_image WHERE version_id = '${versionId}'`)).toBe(0);
    });
  });

  describe('slugs', () => {
    const CREATE = `mutation($i: CreateStyleModelInput!) { createStyleModel(input: $i) { slug } }`;
    const create = async (owner: TestUser, name: string, slug?: string) =>
      as<{ createStyleModel: { slug: string } }>(owner, CREATE, {
        i: { name, slug, type: 'LORA', baseModelId: 'sdxl-1.0', maturity: 'SFW' },
      });

    it('derives a unique slug when names slug alike or to nothing, and refuses a chosen one that is taken', async () => {
      const owner = await signUpUser(api.server);
      const slugs: string[] = [];
      for (const name of ['🎨🖌️', '🌊', '水墨画', 'Ink Wash', 'ink-wash', 'Ink  Wash!']) {
        slugs.push((await create(owner, name)).data!.createStyleModel.slug);
      }
      expect(slugs).toEqual(['model', 'model-2', 'model-3', 'ink-wash', 'ink-wash-2', 'ink-wash-3']);
      expect(errorCode(await create(owner, 'Anything', 'ink-wash'))).toBe('SLUG_TAKEN');
      expect((await create(owner, 'Chosen', 'ink-wash-5')).data!.createStyleModel.slug).toBe('ink-wash-5');
      expect((await create(owner, 'Ink Wash')).data!.createStyleModel.slug).toBe('ink-wash-4');
      // Slugs are per creator: someone else starts again at the plain slug.
      expect((await create(stranger, 'Ink Wash')).data!.createStyleModel.slug).toBe('ink-wash');
    });

    it('gives concurrent creations of the same name different slugs', async () => {
      const owner = await signUpUser(api.server);
      const results = await Promise.all(Array.from({ length: 4 }, () => create(owner, 'Same Name')));
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
      expect(new Set(results.map((r) => r.data!.createStyleModel.slug)).size).toBe(4);
    });
  });

  describe('no existence oracle', () => {
    it('tells a stranger nothing more about private resources than about unknown ids', async () => {
      const { modelId, versionId } = await draft();
      const offers = await setOffers(api.server, creator.accessToken, versionId, [OFFERS.personal, OFFERS.free]);
      const upload = await as<{ createModelFileUpload: { file: { id: string }; upload: { id: string } } }>(
        creator,
        `mutation($v: UUID!) { createModelFileUpload(versionId: $v, input: { fileName: "a.safetensors", size: 16 }) { file { id } upload { id } } }`,
        { v: versionId },
      );
      const { file, upload: up } = upload.data!.createModelFileUpload;
      await as(creator, `mutation { createApiKey(input: { name: "tool", scopes: [READ] }) { secret } }`);
      const keys = await as<{ myApiKeys: { nodes: { id: string }[] } }>(creator, `{ myApiKeys { nodes { id } } }`);
      const sessions = await as<{ mySessions: { nodes: { id: string }[] } }>(
        creator,
        `{ mySessions { nodes { id } } }`,
      );
      const OPS: [string, string, string][] = [
        ['checkout', `mutation($id: UUID!) { checkout(offerId: $id) { checkoutUrl } }`, offers['PERSONAL']!.id],
        [
          'giftLicense',
          `mutation($id: UUID!) { giftLicense(offerId: $id, licenseeHandle: "${stranger.handle}") { id } }`,
          offers['PERSONAL']!.id,
        ],
        ['claimFreeLicense', `mutation($id: UUID!) { claimFreeLicense(versionId: $id) { id } }`, versionId],
        ['soldLicenses', `query($id: UUID!) { soldLicenses(versionId: $id) { nodes { id } } }`, versionId],
        ['styleModel', `query($id: UUID!) { styleModel(id: $id) { id } }`, modelId],
        ['modelVersion', `query($id: UUID!) { modelVersion(id: $id) { id } }`, versionId],
        [
          'createModelVersion',
          `mutation($id: UUID!) { createModelVersion(modelId: $id, input: { name: "x" }) { id } }`,
          modelId,
        ],
        [
          'updateStyleModel',
          `mutation($id: UUID!) { updateStyleModel(id: $id, input: { name: "x" }) { id } }`,
          modelId,
        ],
        ['setLicenseOffers', `mutation($id: UUID!) { setLicenseOffers(versionId: $id, offers: []) { id } }`, versionId],
        ['publishModelVersion', `mutation($id: UUID!) { publishModelVersion(id: $id) { id } }`, versionId],
        [
          'createModelFileUpload',
          `mutation($id: UUID!) { createModelFileUpload(versionId: $id, input: { fileName: "a.safetensors", size: 1 }) { file { id } } }`,
          versionId,
        ],
        ['requestModelFileDownload', `mutation($id: UUID!) { requestModelFileDownload(fileId: $id) { url } }`, file.id],
        ['uploadedParts', `query($id: UUID!) { uploadedParts(uploadId: $id) { partNumber } }`, up.id],
        ['completeModelFileUpload', `mutation($id: UUID!) { completeModelFileUpload(uploadId: $id) { id } }`, up.id],
        ['revokeApiKey', `mutation($id: UUID!) { revokeApiKey(id: $id) { id } }`, keys.data!.myApiKeys.nodes[0]!.id],
        ['revokeSession', `mutation($id: UUID!) { revokeSession(id: $id) }`, sessions.data!.mySessions.nodes[0]!.id],
      ];
      const answers = [];
      for (const [name, query, privateId] of OPS) {
        const forPrivate = errorCode(await as(stranger, query, { id: privateId }));
        const forUnknown = errorCode(await as(stranger, query, { id: MISSING }));
        answers.push({ name, forPrivate, forUnknown, leaks: forPrivate !== forUnknown });
      }
      expect(answers.filter((a) => a.leaks)).toEqual([]);
      expect(answers.every((a) => a.forPrivate?.endsWith('NOT_FOUND'))).toBe(true);
    });
  });
});
