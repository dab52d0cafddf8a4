import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { TestUser } from '@lookbook/testing';
import { gql, REFERENCE_DIR, referenceAvailable } from '@lookbook/testing';
import type { TestApi } from './test-api';

export const comfyuiReferencePresent = referenceAvailable('comfyui');

const CREATE = `mutation($i: CreateTemplateInput!) { createTemplate(input: $i) { id } }`;
const SLOTS = `mutation($v: UUID!, $s: [TemplateSlotInput!]!) { setTemplateSlots(versionId: $v, slots: $s) { id } }`;
const PUBLISH = `mutation($v: UUID!) { publishTemplateVersion(versionId: $v) { id status } }`;
const VERSIONS = `query($id: UUID!) { template(id: $id) { versions { id status } } }`;
const REMIX = `mutation($p: UUID!, $n: String!, $s: Int!) { remixTemplate(parentId: $p, name: $n, shareBps: $s) { id } }`;

async function must<T>(api: TestApi, user: TestUser, query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await gql<T>(api.server, query, variables, user.accessToken);
  if (!result.data) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** A template made from the reference `lora.png` with a seed slot on its sampler; published unless `draft`. */
export async function referenceTemplate(
  api: TestApi,
  author: TestUser,
  name: string,
  options: { draft?: boolean } = {},
): Promise<{ id: string; versionId: string }> {
  const { createTemplate } = await must<{ createTemplate: { id: string } }>(api, author, CREATE, { i: { name } });
  const upload = await request(api.server)
    .post(`/api/v1/templates/${createTemplate.id}/versions`)
    .set('authorization', `Bearer ${author.accessToken}`)
    .set('content-type', 'image/png')
    .send(readFileSync(join(REFERENCE_DIR, 'comfyui', 'lora.png')));
  if (upload.status !== 201) throw new Error(`import failed: ${JSON.stringify(upload.body)}`);
  const versionId = (upload.body as { id: string }).id;
  const [workflow] = await api.db.query<{ sampler: string }>(
    `SELECT n ->> 'id' AS sampler FROM templates.template_version v, jsonb_array_elements(v.ui_workflow::jsonb -> 'nodes') n
      WHERE v.id = $1 AND n ->> 'type' = 'KSampler'`,
    [versionId],
  );
  const seed = { key: 'seed', nodeId: workflow!.sampler, widget: 'seed', label: 'Seed', type: 'SEED', default: '1' };
  await must(api, author, SLOTS, { v: versionId, s: [seed] });
  if (!options.draft) await must(api, author, PUBLISH, { v: versionId });
  return { id: createTemplate.id, versionId };
}

/** A remix of a published template; returns it with its (copied, draft) version. */
export async function remixOf(
  api: TestApi,
  fan: TestUser,
  parentId: string,
  name: string,
  shareBps: number,
): Promise<{ id: string; versionId: string }> {
  const { remixTemplate } = await must<{ remixTemplate: { id: string } }>(api, fan, REMIX, {
    p: parentId,
    n: name,
    s: shareBps,
  });
  const { template } = await must<{ template: { versions: { id: string }[] } }>(api, fan, VERSIONS, {
    id: remixTemplate.id,
  });
  return { id: remixTemplate.id, versionId: template.versions[0]!.id };
}

export const publishTemplateVersion = (api: TestApi, author: TestUser, versionId: string) =>
  must(api, author, PUBLISH, { v: versionId });
