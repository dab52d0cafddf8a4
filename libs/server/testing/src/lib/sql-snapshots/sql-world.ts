import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { generateCatalog } from '../catalog-generator';
import type { SqlWorld } from './sql-cases';

/** Models in the generated catalog: enough for search to rank, correct and count, small enough to build in a second. */
const MODELS = 30;
const AT = new Date('2026-03-01T12:00:00Z');

/**
 * Seeds the world the SQL cases run against (see `SqlWorld`) with plain SQL, so no case depends on another
 * repository's writes. The generated catalog's ids are fixed (md5 of the row's number); the rest are random, which
 * only changes parameter values, never the statements.
 */
export async function buildSqlWorld(dataSource: DataSource, get: (className: string) => unknown): Promise<SqlWorld> {
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => dataSource.query<T[]>(sql, params);
  const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await q<T>(sql, params))[0]!;
  await generateCatalog(dataSource, MODELS);

  // Model 3 has two versions; models 1 and 3 are the first creator's, model 2 the other's.
  const model = await one<{ id: string; owner_id: string }>(
    `SELECT id, owner_id FROM catalog.style_model WHERE slug = 'style-3'`,
  );
  const parent = await one<{ id: string; owner_id: string }>(
    `SELECT id, owner_id FROM catalog.style_model WHERE slug = 'style-2'`,
  );
  const versionOf = async (modelId: string, name: string) =>
    (
      await one<{ id: string }>(`SELECT id FROM catalog.model_version WHERE model_id = $1 AND name = $2`, [
        modelId,
        name,
      ])
    ).id;
  const version = await versionOf(model.id, 'v1.0');
  const secondVersion = await versionOf(model.id, 'v2.0');
  const parentVersion = await versionOf(parent.id, 'v1.0');
  const file = await one<{ id: string; sha256: string; autov2: string }>(
    `SELECT id, sha256, autov2 FROM catalog.model_file WHERE version_id = $1`,
    [version],
  );
  const image = (
    await one<{ id: string }>(`SELECT id FROM catalog.sample_image WHERE version_id = $1 ORDER BY id LIMIT 1`, [
      version,
    ])
  ).id;
  const offer = (
    await one<{ id: string }>(`SELECT id FROM licensing.offer WHERE version_id = $1 AND tier = 'PERSONAL'`, [version])
  ).id;
  await q(`INSERT INTO catalog.version_parent (version_id, parent_version_id, relation) VALUES ($1, $2, 'FINETUNE')`, [
    secondVersion,
    parentVersion,
  ]);
  await q(`INSERT INTO catalog.sample_image_resource (image_id, version_id) VALUES ($1, $2)`, [image, parentVersion]);

  const uploadingFile = randomUUID();
  const upload = randomUUID();
  await q(
    `INSERT INTO catalog.model_file (id, version_id, role, file_name, format, declared_size, scan_status, created_at,
       updated_at) VALUES ($1, $2, 'MODEL', 'world.safetensors', 'SAFETENSORS', 1000, 'UPLOADING', $3, $3)`,
    [uploadingFile, secondVersion, AT],
  );
  await q(
    `INSERT INTO catalog.upload (id, file_id, owner_id, bucket, staging_key, part_size, part_count, status, expires_at,
       created_at, updated_at) VALUES ($1, $2, $3, 'weights', 'staging/world', 5242880, 1, 'UPLOADING', $4, $4, $4)`,
    [upload, uploadingFile, model.owner_id, AT],
  );
  const baseModel = 'sdxl-1.0';
  const knownFile = randomUUID();
  await q(
    `INSERT INTO catalog.known_model_file (id, file_name, sha256, kind, title, base_model_id, source_url)
     VALUES ($1, 'sd_xl_base_1.0.safetensors', $2, 'checkpoint', 'SDXL base', $3, 'https://example.com/sdxl')`,
    [knownFile, sha256(), baseModel],
  );

  // Commerce: the first buyer's first order, of the world's model.
  const buyer = (await one<{ id: string }>(`SELECT id FROM identity.user WHERE handle = 'buyer-1'`)).id;
  const creator = model.owner_id;
  const otherCreator = parent.owner_id;
  const order = await one<{ id: string; charge_id: string; amount: string }>(
    `SELECT o.id, o.charge_id, o.amount FROM commerce."order" o WHERE o.buyer_id = $1 ORDER BY o.created_at LIMIT 1`,
    [buyer],
  );
  const license = (
    await one<{ id: string }>(`SELECT id FROM licensing.grant WHERE order_ref = 'order:' || $1`, [order.id])
  ).id;
  const split = await one<{ recipient_id: string }>(
    `SELECT recipient_id FROM commerce.order_split WHERE order_id = $1 AND line = 1`,
    [order.id],
  );
  const refund = randomUUID();
  await q(
    `INSERT INTO commerce.refund (id, order_id, amount, reason, requested_by, status, created_at, updated_at)
     VALUES ($1, $2, 100, 'REQUESTED_BY_BUYER', $3, 'PENDING', $4, $4)`,
    [refund, order.id, buyer, AT],
  );
  await q(`INSERT INTO commerce.refund_line (refund_id, order_id, line, amount) VALUES ($1, $2, 1, 100)`, [
    refund,
    order.id,
  ]);
  const reversal = randomUUID();
  await q(
    `INSERT INTO commerce.reversal (id, order_id, line, recipient_id, cause, amount, status, created_at, updated_at)
     VALUES ($1, $2, 1, $3, $4, 90, 'PENDING', $5, $5)`,
    [reversal, order.id, split.recipient_id, `refund:${refund}`, AT],
  );
  const dispute = `dp_world_${randomBytes(4).toString('hex')}`;
  await q(
    `INSERT INTO commerce.dispute (id, order_id, amount, reason, status, opened_at)
     VALUES ($1, $2, $3, 'fraudulent', 'OPEN', $4)`,
    [dispute, order.id, order.amount, AT],
  );
  const providerAccount = `acct_world_${randomBytes(4).toString('hex')}`;
  await q(
    `INSERT INTO commerce.connected_account (creator_id, provider_account_id, charges_enabled, payouts_enabled,
       details_submitted, created_at, updated_at) VALUES ($1, $2, true, true, true, $3, $3)`,
    [creator, providerAccount, AT],
  );
  const payout = `po_world_${randomBytes(4).toString('hex')}`;
  await q(
    `INSERT INTO commerce.payout (provider_payout_id, creator_id, amount, currency, status, created_at, updated_at)
     VALUES ($1, $2, 1000, 'usd', 'IN_TRANSIT', $3, $3)`,
    [payout, creator, AT],
  );
  const webhookEvent = `evt_world_${randomBytes(4).toString('hex')}`;
  await q(
    `INSERT INTO commerce.webhook_event (id, type, payload, received_at) VALUES ($1, 'charge.succeeded', '{}', $2)`,
    [webhookEvent, new Date(Date.now() - 3_600_000)],
  );
  const gatewayCharge = `ch_world_${randomBytes(4).toString('hex')}`;
  await q(`INSERT INTO local_gateway.object (id, type, body) VALUES ($1, 'charge', $2), ($3, 'transfer', $4)`, [
    gatewayCharge,
    { id: gatewayCharge, object: 'charge', amount: 1000, currency: 'usd' },
    `tr_world_${randomBytes(4).toString('hex')}`,
    { object: 'transfer', amount: 850, currency: 'usd', source_transaction: gatewayCharge },
  ]);
  await q(`INSERT INTO local_gateway.balance (account, currency, available) VALUES ('platform', 'usd', 100000)`);

  // Identity: the buyer signed in, with an API key.
  const session = randomUUID();
  const refreshTokenHash = randomBytes(32);
  await q(`INSERT INTO identity.session (id, user_id, expires_at) VALUES ($1, $2, now() + interval '30 days')`, [
    session,
    buyer,
  ]);
  await q(
    `INSERT INTO identity.refresh_token (id, session_id, token_hash, expires_at)
     VALUES ($1, $2, $3, now() + interval '30 days')`,
    [randomUUID(), session, refreshTokenHash],
  );
  const apiKey = randomUUID();
  const apiKeyPrefix = `lbk_${randomBytes(4).toString('hex')}`;
  await q(
    `INSERT INTO identity.api_key (id, user_id, name, prefix, secret_hash, scopes) VALUES ($1, $2, 'CI', $3, $4, '{read}')`,
    [apiKey, buyer, apiKeyPrefix, randomBytes(32)],
  );

  // Templates: the creator's template bound to the other creator's IP (a locked subgraph), an approved remix of it
  // and a remix of the remix waiting for the IP owner.
  const ip = randomUUID();
  await q(
    `INSERT INTO templates.intellectual_property (id, owner_id, name, kind, created_at)
     VALUES ($1, $2, 'Harbour Cats', 'FRANCHISE', $3)`,
    [ip, otherCreator, AT],
  );
  const subgraphSha256 = sha256();
  const terms = {
    remixAllowed: true,
    changeableSlots: null,
    allowedUses: ['COMMERCIAL', 'PERSONAL'],
    attribution: [],
    ipShareBps: 1000,
    maxMaturity: 'SFW',
    requiredTags: [],
    approval: 'MANUAL',
  };
  const template = randomUUID();
  const remix = randomUUID();
  const pendingRemix = randomUUID();
  const draftTemplate = randomUUID();
  await q(
    `INSERT INTO templates.template (id, owner_id, slug, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)`,
    [draftTemplate, creator, `world-${draftTemplate.slice(0, 8)}`, 'Draft without versions', AT],
  );
  const versions: Record<string, string> = {};
  for (const [id, owner, status] of [
    [template, creator, 'PUBLISHED'],
    [remix, buyer, 'PUBLISHED'],
    [pendingRemix, buyer, 'DRAFT'],
  ] as const) {
    await q(
      `INSERT INTO templates.template (id, owner_id, slug, name, description, tags, status, terms, ip_id, created_at,
         updated_at) VALUES ($1, $2, $3, $4, 'A workflow of the SQL world.', '{ink,workflow}', $5, $6, $7, $8, $8)`,
      [id, owner, `world-${id.slice(0, 8)}`, `Harbour Workflow ${id.slice(0, 4)}`, status, terms, ip, AT],
    );
    versions[id] = randomUUID();
    const published = status === 'PUBLISHED';
    await q(
      `INSERT INTO templates.template_version (id, template_id, label, status, api_prompt, lockfile, source_sha256,
         subgraph_sha256s, created_at, published_at)
       VALUES ($1, $2, 'v1', $3, '{}', $4, $5, $6, $7, $8)`,
      [
        versions[id],
        id,
        published ? 'PUBLISHED' : 'DRAFT',
        { nodes: [], models: [{ name: 'style-3-v1.safetensors', sha256: file.sha256 }] },
        sha256(),
        [subgraphSha256],
        AT,
        published ? AT : null,
      ],
    );
  }
  const templateImage = randomUUID();
  await q(
    `INSERT INTO templates.version_image (id, version_id, content_type, width, height, byte_size, storage_key,
       thumbnails, created_at) VALUES ($1, $2, 'image/png', 512, 512, 1000, 'media/world.png', '[]', $3)`,
    [templateImage, versions[template], AT],
  );
  await q(
    `INSERT INTO templates.ip_binding (template_id, ip_id, terms, ip_share_bps, approval, locked_subgraph, created_at)
     VALUES ($1, $2, $3, 1000, 'MANUAL', $4, $5)`,
    [template, ip, terms, { id: 'rig', name: 'Cat rig', revision: 1, sha256: subgraphSha256 }, AT],
  );
  const edge = `INSERT INTO templates.lineage_edge (child_kind, child_id, parent_kind, parent_id, relation, share_bps,
      status, created_at) VALUES ('TEMPLATE', $1, 'TEMPLATE', $2, 'REMIX', 500, $3, $4)`;
  await q(edge, [remix, template, 'APPROVED', AT]);
  await q(edge, [pendingRemix, remix, 'PENDING', AT]);
  await q(
    `INSERT INTO licensing.offer (id, subject_kind, version_id, tier, revision, price_amount, price_currency,
       permissions, terms_text, terms_sha256, created_at)
     SELECT gen_random_uuid(), 'TEMPLATE', $1, tier, revision, price_amount, price_currency, permissions, terms_text,
            terms_sha256, $2
       FROM licensing.offer WHERE id = $3`,
    [versions[template], AT, offer],
  );

  return {
    creator,
    otherCreator,
    buyer,
    model: model.id,
    version,
    secondVersion,
    parentModel: parent.id,
    parentVersion,
    file,
    uploadingFile,
    upload,
    image,
    offer,
    baseModel,
    knownFile,
    order: order.id,
    orderSeller: split.recipient_id,
    chargeId: order.charge_id,
    license,
    refund,
    reversal,
    dispute,
    providerAccount,
    payout,
    webhookEvent,
    gatewayCharge,
    session,
    refreshTokenHash,
    apiKey,
    apiKeyPrefix,
    ip,
    subgraphSha256,
    template,
    templateVersion: versions[template]!,
    templateImage,
    remix,
    pendingRemix,
    draftTemplate,
    at: AT,
    newId: () => randomUUID(),
    sha256,
    cursor: (at, id) => Buffer.from(JSON.stringify({ t: at.toISOString(), id })).toString('base64url'),
    load: async (entity, where) => {
      const row = await dataSource.manager.findOneBy<Record<string, unknown>>(entity, where as never);
      if (!row) throw new Error(`The SQL world has no ${entity} where ${JSON.stringify(where)}`);
      return row;
    },
    get: <T>(className: string) => get(className) as T,
  };
}

function sha256(): string {
  return createHash('sha256').update(randomBytes(16)).digest('hex');
}
