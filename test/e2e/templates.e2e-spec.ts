import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { errorCode, gql, REFERENCE_DIR, referenceAvailable } from '@lookbook/testing';
import type { TestUser } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { mediaBytes } from './support/media';
import { startTestApi } from './support/test-api';
import { world } from './support/world';

const CREATE = `mutation($i: CreateTemplateInput!) { createTemplate(input: $i) { id slug status } }`;
const SLOTS = `mutation($v: UUID!, $s: [TemplateSlotInput!]!) {
  setTemplateSlots(versionId: $v, slots: $s) { id slots { key type default } }
}`;
const PUBLISH = `mutation($v: UUID!) { publishTemplateVersion(versionId: $v) { id status publishedAt } }`;
const RENDER = `query($v: UUID!, $p: [TemplateParamInput!]) { renderTemplate(versionId: $v, params: $p) { workflow prompt } }`;
const TEMPLATE = `query($id: UUID!) { template(id: $id) { id name status versions { id status label } } }`;

const present = referenceAvailable('comfyui');
const lora = present ? readFileSync(join(REFERENCE_DIR, 'comfyui', 'lora.png')) : Buffer.alloc(0);

interface Version {
  id: string;
  status: string;
  slots: { key: string }[];
  lockfile: { models: { name: string; kind: string }[]; nodes: unknown[] };
  hasWorkflow: boolean;
  hasPrompt: boolean;
}

/**
 * Templates over HTTP: a creator imports a real ComfyUI image, marks slots, publishes; anyone renders it with their
 * own parameters in both formats. Every bad input is a typed error that changes nothing.
 */
(present ? describe : describe.skip)('workflow templates over HTTP', () => {
  let api: TestApi;
  let creator: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    api = await startTestApi();
    creator = await world(api).member();
    stranger = await world(api).member();
  });
  afterAll(() => api.close());

  const as = <T>(user: TestUser | undefined, query: string, variables: Record<string, unknown>) =>
    gql<T>(api.server, query, variables, user?.accessToken);
  const upload = (user: TestUser, templateId: string, body: Buffer, type: string) =>
    request(api.server)
      .post(`/api/v1/templates/${templateId}/versions`)
      .set('authorization', `Bearer ${user.accessToken}`)
      .set('content-type', type)
      .send(body);

  async function draftTemplate(name = 'Harbour LoRA Portrait') {
    const created = await as<{ createTemplate: { id: string } }>(creator, CREATE, { i: { name, tags: ['Portrait'] } });
    return created.data!.createTemplate.id;
  }

  /** A draft of the reference image's workflow, with its sampler and prompt node ids and seed/steps slots. */
  async function importLora(name: string) {
    const id = await draftTemplate(name);
    const imported = await upload(creator, id, lora, 'image/png');
    expect(imported.status).toBe(201);
    const version = imported.body as Version;
    const workflow = JSON.parse(
      (await as<{ renderTemplate: { workflow: string } }>(creator, RENDER, { v: version.id })).data!.renderTemplate
        .workflow,
    ) as { nodes: { id: number; type: string }[] };
    const sampler = String(workflow.nodes.find((n) => n.type === 'KSampler')!.id);
    const positive = String(workflow.nodes.find((n) => n.type === 'CLIPTextEncode')!.id);
    const slots = [
      { key: 'seed', nodeId: sampler, widget: 'seed', label: 'Seed', type: 'SEED', default: '1' },
      {
        key: 'steps',
        nodeId: sampler,
        widget: 'steps',
        label: 'Steps',
        type: 'INTEGER',
        default: '20',
        min: 1,
        max: 60,
      },
    ];
    return { id, version, sampler, positive, slots };
  }

  it('imports a ComfyUI image, is published with slots, and renders with new parameters in both formats', async () => {
    const { id, version, sampler, positive, slots: samplerSlots } = await importLora('Harbour LoRA Portrait');
    expect(version).toMatchObject({ status: 'DRAFT', hasWorkflow: true, hasPrompt: true, slots: [] });
    expect(version.lockfile.models.map((m) => [m.kind, m.name]).sort()).toEqual([
      ['checkpoint', 'v1-5-pruned-emaonly.ckpt'],
      ['lora', 'epiNoiseoffset_v2.safetensors'],
    ]);
    // Not publishable without slots; a draft is invisible to others.
    expect(errorCode(await as(creator, PUBLISH, { v: version.id }))).toBe('TEMPLATE_NO_SLOTS');
    expect(errorCode(await as(stranger, TEMPLATE, { id }))).toBe('TEMPLATE_NOT_FOUND');
    expect(errorCode(await as(undefined, RENDER, { v: version.id }))).toBe('TEMPLATE_VERSION_NOT_FOUND');
    const slots = [
      ...samplerSlots,
      {
        key: 'prompt',
        nodeId: positive,
        widget: 'text',
        label: 'Prompt',
        type: 'TEXT',
        default: '"a harbour"',
        maxLength: 500,
      },
    ];
    // A slot on a node that is not there is refused, and the draft keeps no slots.
    const bad = await as(creator, SLOTS, { v: version.id, s: [{ ...slots[0], nodeId: '999' }] });
    expect(errorCode(bad)).toBe('SLOT_NODE_MISSING');
    expect(errorCode(await as(creator, SLOTS, { v: version.id, s: [{ ...slots[1], default: '"twenty"' }] }))).toBe(
      'SLOT_INVALID_DEFAULT',
    );
    expect(errorCode(await as(stranger, SLOTS, { v: version.id, s: slots }))).toBe('TEMPLATE_VERSION_NOT_FOUND');
    const set = await as<{ setTemplateSlots: { slots: { key: string }[] } }>(creator, SLOTS, {
      v: version.id,
      s: slots,
    });
    expect(set.data!.setTemplateSlots.slots.map((s) => s.key)).toEqual(['seed', 'steps', 'prompt']);
    expect(
      (await as<{ publishTemplateVersion: { status: string } }>(creator, PUBLISH, { v: version.id })).data,
    ).toMatchObject({ publishTemplateVersion: { status: 'PUBLISHED' } });

    // Anyone renders it now; text that looks like JSON stays text.
    const injection = '"}, "99": {"class_type": "Exec"';
    const rendered = await as<{ renderTemplate: { workflow: string; prompt: string } }>(undefined, RENDER, {
      v: version.id,
      p: [
        { key: 'seed', value: '424242' },
        { key: 'steps', value: '31' },
        { key: 'prompt', value: JSON.stringify(injection) },
      ],
    });
    const out = rendered.data!.renderTemplate;
    const ui = JSON.parse(out.workflow) as {
      nodes: { id: number; type: string; widgets_values: unknown[] }[];
      extra: { linearMode: boolean; linearData: { inputs: unknown[] } };
    };
    expect(ui.nodes.find((n) => n.type === 'KSampler')!.widgets_values.slice(0, 3)).toEqual([424242, 'fixed', 31]);
    expect(ui.nodes.find((n) => String(n.id) === positive)!.widgets_values).toEqual([injection]);
    expect(ui.extra.linearMode).toBe(true);
    expect(ui.extra.linearData.inputs).toEqual([
      [Number(sampler), 'seed'],
      [Number(sampler), 'steps'],
      [Number(positive), 'text'],
    ]);
    const prompt = JSON.parse(out.prompt) as Record<string, { class_type: string; inputs: Record<string, unknown> }>;
    expect(prompt[sampler]!.inputs).toMatchObject({ seed: 424242, steps: 31 });
    expect(prompt[positive]!.inputs['text']).toBe(injection);
    expect(Object.keys(prompt)).not.toContain('99');

    // Bad parameters are typed errors; a published version is fixed.
    for (const [p, code] of [
      [[{ key: 'steps', value: '61' }], 'PARAM_OUT_OF_RANGE'],
      [[{ key: 'steps', value: '"many"' }], 'PARAM_WRONG_TYPE'],
      [[{ key: 'cfg', value: '7' }], 'PARAM_UNKNOWN'],
      [[{ key: 'seed', value: 'not json' }], 'TEMPLATE_INVALID_PARAMS'],
    ] as const)
      expect(errorCode(await as(undefined, RENDER, { v: version.id, p }))).toBe(code);
    expect(errorCode(await as(creator, SLOTS, { v: version.id, s: slots }))).toBe('TEMPLATE_VERSION_PUBLISHED');
    const visible = await as<{ template: { status: string; versions: { id: string }[] } }>(stranger, TEMPLATE, { id });
    expect(visible.data!.template).toMatchObject({ status: 'PUBLISHED', versions: [{ id: version.id }] });

    // The image it was imported from is its sample and cover: re-encoded without metadata (ComfyUI's embedded
    // workflow is not republished), with WebP thumbnails, served from public media.
    const images = await as<{
      template: {
        cover: { id: string; url: string; width: number } | null;
        versions: { sampleImages: { id: string; url: string; width: number; thumbnails: { url: string }[] }[] }[];
      };
    }>(
      undefined,
      `query($id: UUID!) { template(id: $id) { cover { id url width } versions { sampleImages { id url width thumbnails { url } } } } }`,
      { id },
    );
    const [sample] = images.data!.template.versions[0]!.sampleImages;
    expect(sample).toMatchObject({ width: 2153 });
    expect(images.data!.template.cover).toEqual({ id: sample!.id, url: sample!.url, width: 2153 });
    const served = await mediaBytes(api, sample!.url);
    expect(served.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(served.includes(Buffer.from('workflow'))).toBe(false);
    expect((await mediaBytes(api, sample!.thumbnails[0]!.url)).subarray(8, 12).toString()).toBe('WEBP');
  });

  it('refuses files that are not workflows, broken graphs and legacy group nodes, with typed errors', async () => {
    const id = await draftTemplate('Broken ones');
    const cases: [Buffer, string, number, string][] = [
      [Buffer.from('{"nodes": ['), 'application/octet-stream', 400, 'WORKFLOW_NOT_JSON'],
      [Buffer.from(JSON.stringify({ hello: 1 })), 'application/octet-stream', 400, 'WORKFLOW_UNKNOWN_FORMAT'],
      [
        Buffer.from(JSON.stringify({ nodes: [{ id: 1, type: 'KSampler' }], links: [[1, 1, 0, 7, 0, 'LATENT']] })),
        'application/octet-stream',
        400,
        'WORKFLOW_LINK_TO_MISSING_NODE',
      ],
      [
        Buffer.from(
          JSON.stringify({ nodes: [{ id: 1, type: 'workflow>Upscale' }], extra: { groupNodes: { Upscale: {} } } }),
        ),
        'application/octet-stream',
        400,
        'TEMPLATE_LEGACY_GROUP_NODES',
      ],
      [Buffer.from('['.repeat(100) + ']'.repeat(100)), 'application/octet-stream', 400, 'WORKFLOW_TOO_DEEP'],
      [Buffer.from('\x89PNG\r\n\x1a\n'), 'image/png', 400, 'TEMPLATE_NO_WORKFLOW'],
      [Buffer.from('hello'), 'text/plain', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ];
    for (const [body, type, status, code] of cases) {
      const response = await upload(creator, id, body, type);
      expect([code, response.status, response.body?.error?.code]).toEqual([code, status, code]);
    }
    const template = await as<{ template: { versions: unknown[] } }>(creator, TEMPLATE, { id });
    expect(template.data!.template.versions).toEqual([]);
    // Someone else's template takes no versions.
    expect((await upload(stranger, id, lora, 'image/png')).body.error.code).toBe('TEMPLATE_NOT_OWNER');
    // A JSON workflow with Python's NaN imports (sent as octet-stream, as the client does).
    const nan = Buffer.from(
      '{"nodes": [{"id": 1, "type": "KSampler", "widgets_values": [1, "fixed", NaN]}], "links": []}',
    );
    const fromJson = await upload(creator, id, nan, 'application/octet-stream');
    expect(fromJson.status).toBe(201);
    // A JSON file has no picture: the version starts without sample images.
    const images = await as<{ template: { versions: { id: string; sampleImages: unknown[] }[] } }>(
      creator,
      `query($id: UUID!) { template(id: $id) { versions { id sampleImages { id } } } }`,
      { id },
    );
    expect(
      images.data!.template.versions.find((v) => v.id === (fromJson.body as { id: string }).id)!.sampleImages,
    ).toEqual([]);
    // Its author adds one; bad images are typed errors that add nothing; only the author, only a draft.
    const draftId = (fromJson.body as { id: string }).id;
    const addImage = (user: TestUser, bytes: Buffer, type: string) =>
      request(api.server)
        .post(`/api/v1/template-versions/${draftId}/images`)
        .set('authorization', `Bearer ${user.accessToken}`)
        .set('content-type', type)
        .send(bytes);
    expect((await addImage(creator, Buffer.from('not a picture'), 'image/png')).body.error.code).toBe(
      'IMAGE_TYPE_UNSUPPORTED',
    );
    expect((await addImage(creator, lora, 'image/jpeg')).body.error.code).toBe('IMAGE_TYPE_MISMATCH');
    expect((await addImage(stranger, lora, 'image/png')).body.error.code).toBe('TEMPLATE_VERSION_NOT_FOUND');
    // A body that does not say it is an image is refused before it is read.
    expect((await addImage(creator, lora, 'application/octet-stream')).status).toBe(415);
    const added = await addImage(creator, lora, 'image/png');
    expect(added.status).toBe(201);
    expect(added.body).toEqual([expect.objectContaining({ width: 2153, contentType: 'image/png' })]);
  });

  it('an IP owner binds a template (15%, manual approval); a fan remixes within the terms; the owner decides once', async () => {
    const owner = creator;
    const fan = await world(api).member();
    // The IP owner's original, published with slots.
    const { id, version, slots } = await importLora('Harbour Cats Original');
    await as(owner, SLOTS, { v: version.id, s: slots });
    const ip = await as<{ registerIntellectualProperty: { id: string } }>(
      owner,
      `mutation { registerIntellectualProperty(input: { name: "Harbour Cats", kind: FRANCHISE }) { id } }`,
      {},
    );
    const ipId = ip.data!.registerIntellectualProperty.id;
    const terms = {
      remixAllowed: true,
      changeableSlots: ['seed'],
      allowedUses: ['PERSONAL', 'COMMERCIAL'],
      attribution: ['Harbour Cats © its owner'],
      ipShareBps: 1500,
      maxMaturity: 'SUGGESTIVE',
      requiredTags: ['harbour-cats'],
      approval: 'MANUAL',
    };
    const BIND = `mutation($t: UUID!, $ip: UUID!, $terms: RemixTermsInput!) {
      bindTemplateToIp(templateId: $t, ipId: $ip, terms: $terms) { id ipId terms { ipShareBps approval } }
    }`;
    expect(errorCode(await as(fan, BIND, { t: id, ip: ipId, terms }))).toBe('IP_NOT_OWNER');
    expect(errorCode(await as(owner, BIND, { t: id, ip: ipId, terms: { ...terms, ipShareBps: 9000 } }))).toBe(
      'TERMS_INVALID_SHARE',
    );
    const bound = await as<{ bindTemplateToIp: { ipId: string } }>(owner, BIND, { t: id, ip: ipId, terms });
    expect(bound.data!.bindTemplateToIp.ipId).toBe(ipId);
    await as(owner, PUBLISH, { v: version.id });

    const REMIX = `mutation($p: UUID!, $n: String!, $s: Int!, $terms: RemixTermsInput) {
      remixTemplate(parentId: $p, name: $n, shareBps: $s, terms: $terms) { id ipId status terms { attribution ipShareBps } }
    }`;
    // Loosening the terms is refused, rule by rule.
    expect(errorCode(await as(fan, REMIX, { p: id, n: 'Loose', s: 2000, terms: { ...terms, ipShareBps: 1000 } }))).toBe(
      'TERMS_LOWER_IP_SHARE',
    );
    expect(
      errorCode(await as(fan, REMIX, { p: id, n: 'Loose', s: 2000, terms: { ...terms, changeableSlots: null } })),
    ).toBe('TERMS_LOOSEN_SLOTS');
    expect(errorCode(await as(fan, REMIX, { p: id, n: 'Loose', s: 20_000 }))).toBe('REMIX_INVALID_SHARE');
    const remix = await as<{ remixTemplate: { id: string; ipId: string; terms: { attribution: string[] } } }>(
      fan,
      REMIX,
      {
        p: id,
        n: 'Harbour Cats at Night',
        s: 2000,
      },
    );
    const remixId = remix.data!.remixTemplate.id;
    expect(remix.data!.remixTemplate).toMatchObject({ ipId, terms: { attribution: ['Harbour Cats © its owner'] } });
    const remixVersion = (await as<{ template: { versions: { id: string }[] } }>(fan, TEMPLATE, { id: remixId })).data!
      .template.versions[0]!.id;
    // The remix starts with the parent's sample images (the same public files).
    const copied = await as<{ template: { versions: { sampleImages: { url: string }[] }[] } }>(
      fan,
      `query($id: UUID!) { template(id: $id) { versions { sampleImages { url } } } }`,
      { id: remixId },
    );
    expect(copied.data!.template.versions[0]!.sampleImages).toHaveLength(1);
    // A locked slot keeps its value; an open one may change.
    const locked = slots.map((s) => (s.key === 'steps' ? { ...s, default: '30' } : s));
    expect(errorCode(await as(fan, SLOTS, { v: remixVersion, s: locked }))).toBe('REMIX_SLOT_LOCKED');
    const open = slots.map((s) => (s.key === 'seed' ? { ...s, default: '777' } : s));
    expect(errorCode(await as(fan, SLOTS, { v: remixVersion, s: open }))).toBeUndefined();
    // Not publishable until the IP owner approves.
    expect(errorCode(await as(fan, PUBLISH, { v: remixVersion }))).toBe('REMIX_PENDING_APPROVAL');
    const queue = await as<{ remixQueue: { childId: string; shareBps: number }[] }>(
      owner,
      `{ remixQueue { childId shareBps child { name } parent { id } } }`,
      {},
    );
    expect(queue.data!.remixQueue).toEqual([
      { childId: remixId, shareBps: 2000, child: { name: 'Harbour Cats at Night' }, parent: { id } },
    ]);
    // The IP owner may look at the waiting remix and its draft before deciding; anyone else may not.
    const reviewed = await as<{ template: { versions: { id: string; status: string }[] } }>(owner, TEMPLATE, {
      id: remixId,
    });
    expect(reviewed.data!.template.versions).toEqual([expect.objectContaining({ id: remixVersion })]);
    expect(errorCode(await as(await world(api).member(), TEMPLATE, { id: remixId }))).toBe('TEMPLATE_NOT_FOUND');
    const DECIDE = `mutation($t: UUID!, $a: Boolean!) { decideRemix(templateId: $t, approve: $a) { status } }`;
    expect(errorCode(await as(fan, DECIDE, { t: remixId, a: true }))).toBe('IP_NOT_OWNER');
    // Two decisions at once: exactly one lands.
    const [approve, reject] = await Promise.all([
      as<{ decideRemix: { status: string } }>(owner, DECIDE, { t: remixId, a: true }),
      as<{ decideRemix: { status: string } }>(owner, DECIDE, { t: remixId, a: false }),
    ]);
    const outcomes = [approve, reject].map((r) => r.data?.decideRemix.status ?? errorCode(r));
    expect(outcomes.filter((o) => o === 'REMIX_NOT_PENDING')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'APPROVED' || o === 'REJECTED')).toHaveLength(1);
    const decided = outcomes.find((o) => o !== 'REMIX_NOT_PENDING');
    const published = await as(fan, PUBLISH, { v: remixVersion });
    expect(errorCode(published)).toBe(decided === 'APPROVED' ? undefined : 'REMIX_REJECTED');
    const lineage = await as<{ templateLineage: { ancestors: { parentId: string; depth: number; status: string }[] } }>(
      fan,
      `query($id: UUID!) { templateLineage(id: $id) { ancestors { parentId depth status } } }`,
      { id: remixId },
    );
    expect(lineage.data!.templateLineage.ancestors).toEqual([{ parentId: id, depth: 1, status: decided }]);
    // Anonymous: the remix is seen only once published; a rejected draft stays private.
    const anonymous = await as(undefined, `query($id: UUID!) { templateLineage(id: $id) { ancestors { parentId } } }`, {
      id: remixId,
    });
    expect(errorCode(anonymous)).toBe(decided === 'APPROVED' ? undefined : 'TEMPLATE_NOT_FOUND');
  });

  it('a subgraph locked to an IP: any workflow containing that definition uses the IP, and only the IP may carry it', async () => {
    const owner = creator;
    const rig = (id: string, revision: number, steps = 20) => ({
      version: 1,
      nodes: [{ id: 1, type: id, widgets_values: [42] }],
      links: [],
      definitions: {
        subgraphs: [
          {
            id,
            revision,
            name: 'Harbour Cat rig',
            inputNode: { id: -10, bounding: [0, 0, 1, 1] },
            outputNode: { id: -20, bounding: [0, 0, 1, 1] },
            inputs: [],
            outputs: [],
            widgets: [],
            nodes: [{ id: 5, type: 'KSampler', widgets_values: [1, 'fixed', steps, 8, 'euler', 'normal', 1] }],
            links: [],
          },
        ],
      },
    });
    const json = (value: object) => Buffer.from(JSON.stringify(value));
    const ORIGINAL = '6f1c9c4e-2b8d-4c3e-9a71-0d3f5e2a1b77';
    const id = await draftTemplate('Harbour Cat rig');
    expect((await upload(owner, id, json(rig(ORIGINAL, 3)), 'application/octet-stream')).status).toBe(201);
    const { registerIntellectualProperty: ip } = (
      await as<{ registerIntellectualProperty: { id: string } }>(
        owner,
        `mutation { registerIntellectualProperty(input: { name: "Harbour Cat", kind: CHARACTER }) { id } }`,
        {},
      )
    ).data!;
    const BIND = `mutation($t: UUID!, $ip: UUID!, $terms: RemixTermsInput!, $s: String) {
      bindTemplateToIp(templateId: $t, ipId: $ip, terms: $terms, lockedSubgraphId: $s) { id ipId }
    }`;
    const terms = {
      remixAllowed: true,
      changeableSlots: null,
      allowedUses: ['PERSONAL'],
      attribution: [],
      ipShareBps: 1000,
      maxMaturity: 'SFW',
      requiredTags: [],
      approval: 'AUTOMATIC',
    };
    expect(errorCode(await as(owner, BIND, { t: id, ip: ip.id, terms, s: 'no-such-subgraph' }))).toBe(
      'IP_SUBGRAPH_NOT_FOUND',
    );
    expect(errorCode(await as(owner, BIND, { t: id, ip: ip.id, terms, s: ORIGINAL }))).toBeUndefined();
    const [binding] = await api.db.query<{ locked: { id: string; revision: number; sha256: string } }>(
      `SELECT locked_subgraph AS locked FROM templates.ip_binding WHERE template_id = $1`,
      [id],
    );
    expect(binding!.locked).toMatchObject({
      id: ORIGINAL,
      revision: 3,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    // Someone else's workflow with that rig — pasted under a new id and revision — uses the IP: refused, nothing kept.
    const other = await as<{ createTemplate: { id: string } }>(stranger, CREATE, { i: { name: 'My cat' } });
    const otherId = other.data!.createTemplate.id;
    const pasted = await upload(
      stranger,
      otherId,
      json(rig('0b7d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f', 9)),
      'application/octet-stream',
    );
    expect(pasted.status).toBe(409);
    expect(pasted.body.error).toMatchObject({ code: 'TEMPLATE_USES_LOCKED_IP', details: { ip: 'Harbour Cat' } });
    expect(await api.db.query(`SELECT id FROM templates.template_version WHERE template_id = $1`, [otherId])).toEqual(
      [],
    );
    // A different definition is not the IP; the IP's own template may carry its rig in new versions.
    expect((await upload(stranger, otherId, json(rig(ORIGINAL, 3, 30)), 'application/octet-stream')).status).toBe(201);
    expect((await upload(owner, id, json(rig(ORIGINAL, 4)), 'application/octet-stream')).status).toBe(201);
  });

  it('a remix cannot be published once its parent is no longer published', async () => {
    const fan = await world(api).member();
    const { id, version, slots } = await importLora('Unbound Original');
    await as(creator, SLOTS, { v: version.id, s: slots });
    await as(creator, PUBLISH, { v: version.id });
    const remix = await as<{ remixTemplate: { id: string } }>(
      fan,
      `mutation($p: UUID!) { remixTemplate(parentId: $p, name: "Free remix", shareBps: 500) { id } }`,
      { p: id },
    );
    const remixId = remix.data!.remixTemplate.id;
    const draft = (await as<{ template: { versions: { id: string }[] } }>(fan, TEMPLATE, { id: remixId })).data!
      .template.versions[0]!.id;
    // No IP, no approval needed: the edge is approved at once. Then the parent is taken down.
    await api.db.query(`UPDATE templates.template SET status = 'TAKEN_DOWN' WHERE id = $1`, [id]);
    expect(errorCode(await as(fan, PUBLISH, { v: draft }))).toBe('REMIX_PARENT_NOT_PUBLISHED');
    expect(
      errorCode(
        await as(fan, `mutation($p: UUID!) { remixTemplate(parentId: $p, name: "Late", shareBps: 0) { id } }`, {
          p: id,
        }),
      ),
    ).toBe('REMIX_PARENT_NOT_PUBLISHED');
    const [row] = await api.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM templates.template WHERE owner_id = (SELECT owner_id FROM templates.template WHERE id = $1)`,
      [remixId],
    );
    // The refused remix left nothing behind.
    expect(row!.count).toBe(1);
  });

  it('refuses a lineage cycle in the database, whatever writes it', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map(() => crypto.randomUUID());
    const edge = (child: string, parent: string) =>
      api.db.query(
        `INSERT INTO templates.lineage_edge (child_kind, child_id, parent_kind, parent_id, relation, share_bps, created_at)
         VALUES ('TEMPLATE', $1, 'TEMPLATE', $2, 'REMIX', 1000, now())`,
        [child, parent],
      );
    await edge(b!, a!);
    await edge(c!, b!);
    await expect(edge(a!, c!)).rejects.toThrow(/lineage cycle/);
    await expect(edge(a!, a!)).rejects.toThrow(/lineage cycle/);
  });
});
