import { hash } from '@node-rs/argon2';

/** Every generated buyer (`buyer-1`, `buyer-2`, …) signs in with this password, so a bench or test can read their library. */
export const GENERATED_BUYER_PASSWORD = 'generated-buyer-passphrase-41';

/** Anything that runs SQL: a pg Client or Pool, a TypeORM DataSource. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface GeneratedCatalog {
  creators: number;
  models: number;
  versions: number;
  files: number;
  images: number;
  offers: number;
  buyers: number;
  orders: number;
  licenses: number;
}

/** Every third model has a second version; every version has 1 file, 3 sample images and 2 offers. */
const IMAGES_PER_VERSION = 3;
/** One buyer per ten models; each holds a paid commercial licence to the first version of five models. */
const PURCHASES_PER_BUYER = 5;

/**
 * A published catalog of `models` style models, generated inside Postgres (INSERT … SELECT over generate_series), so
 * 10k models take a second and 1M a few minutes. Reproducible: every id, hash, name and timestamp is a function of
 * the row's number (the UUID of model 42 comes from md5('lb-model-42')), so two runs produce byte-identical data. Files are metadata only
 * (no bytes in storage); image keys are well-formed public media keys with no object behind them. Buyers hold paid
 * orders (with their seller split) and the licences those orders granted; their certificates are placeholders, not
 * signed, so they read like a library page but do not verify.
 * Used by the read-path tests (SQL budgets at two catalog sizes) and by `npm run bench`.
 */
export async function generateCatalog(db: Queryable, models: number): Promise<GeneratedCatalog> {
  // The search outbox triggers would add a job per generated row (minutes at 100k); callers index with a reindex.
  await setSearchTriggers(db, 'DISABLE');
  try {
    return await insertCatalog(db, models);
  } finally {
    await setSearchTriggers(db, 'ENABLE');
  }
}

const SEARCH_TRIGGERS = [
  'catalog.style_model:style_model_search_sync',
  'catalog.model_version:model_version_search_sync',
  'catalog.model_file:model_file_search_sync',
  'licensing.offer:offer_search_sync',
];

async function setSearchTriggers(db: Queryable, action: 'ENABLE' | 'DISABLE'): Promise<void> {
  for (const entry of SEARCH_TRIGGERS) {
    const [table, trigger] = entry.split(':');
    await db.query(`ALTER TABLE ${table} ${action} TRIGGER ${trigger}`);
  }
}

async function insertCatalog(db: Queryable, models: number): Promise<GeneratedCatalog> {
  const creators = Math.max(1, Math.ceil(models / 20));
  // A v4-shaped UUID from a stable string (the API's UUID scalar checks version and variant).
  const uid = (seed: string) => `overlay(overlay(md5(${seed}) placing '4' from 13) placing '8' from 17)::uuid`;
  const at = (n: string) => `(timestamptz '2026-01-01T00:00:00Z' + (${n}) * interval '1 second')`;
  await db.query(
    `INSERT INTO identity."user" (id, handle, email, display_name, password_hash, created_at, updated_at, password_changed_at)
     SELECT ${uid(`'lb-user-' || i`)}, 'creator-' || i, 'creator-' || i || '@bench.invalid',
            (ARRAY['Ada', 'Kenji', 'Maya', 'Olu', 'Sven', 'Lena', 'Ravi', 'Iris'])[1 + i % 8] || ' ' || i,
            'not-a-password-hash', ${at('i')}, ${at('i')}, ${at('i')}
       FROM generate_series(1, $1::int) AS i`,
    [creators],
  );
  await db.query(
    `INSERT INTO catalog.style_model
       (id, owner_id, slug, name, description, type, base_model_id, tags, maturity, status, created_at, updated_at, published_at)
     SELECT ${uid(`'lb-model-' || i`)}, ${uid(`'lb-user-' || (1 + (i - 1) % $2::int)`)}, 'style-' || i,
            (ARRAY['Ink', 'Neon', 'Velvet', 'Paper', 'Chrome', 'Moss', 'Ember', 'Glass', 'Dusk', 'Coral'])[1 + i % 10]
              || ' ' || (ARRAY['Wash', 'Noir', 'Bloom', 'Grain', 'Lines', 'Dream', 'Pop', 'Haze', 'Relic'])[1 + (i / 10) % 9]
              || ' ' || i,
            'A generated style for benchmarks and tests, number ' || i || '.',
            (ARRAY['LORA', 'LORA', 'LOCON', 'CHECKPOINT', 'TEXTUAL_INVERSION'])[1 + i % 5],
            (ARRAY['sd-1.5', 'sdxl-1.0', 'pony', 'illustrious', 'flux.1-d', 'flux.1-s', 'sd-3.5'])[1 + i % 7],
            ARRAY[(ARRAY['ink', 'neon', 'anime', 'photo', 'watercolor', 'pixel'])[1 + i % 6], 'style'],
            'SFW', 'PUBLISHED', ${at('i * 60')}, ${at('i * 60')}, ${at('i * 60 + 30')}
       FROM generate_series(1, $1::int) AS i`,
    [models, creators],
  );
  // Version n of model i: v1 for all, v2 for every third model.
  const versionRows = `FROM generate_series(1, $1::int) AS i CROSS JOIN LATERAL generate_series(1, CASE WHEN i % 3 = 0 THEN 2 ELSE 1 END) AS n`;
  const versionId = uid(`'lb-version-' || i || '-' || n`);
  await db.query(
    `INSERT INTO catalog.model_version
       (id, model_id, name, changelog, trigger_words, recommended_settings, access, status, download_count,
        created_at, updated_at, published_at)
     SELECT ${versionId}, ${uid(`'lb-model-' || i`)}, 'v' || n || '.0', '', ARRAY['lbstyle' || i],
            jsonb_build_object('steps', 20 + n * 5, 'cfg', 6.5), 'LICENSED', 'PUBLISHED', (i * 7 + n) % 1000,
            ${at('i * 60 + n')}, ${at('i * 60 + n')}, ${at('i * 60 + n + 20')}
       ${versionRows}`,
    [models],
  );
  await db.query(
    `INSERT INTO catalog.model_file
       (id, version_id, role, file_name, format, precision, declared_size, size_bytes, sha256, autov2, crc32,
        scan_status, storage_key, tensor_count, header_metadata, created_at, updated_at)
     SELECT ${uid(`'lb-file-' || i || '-' || n`)}, ${versionId}, 'MODEL', 'style-' || i || '-v' || n || '.safetensors',
            'SAFETENSORS', 'FP16', 151111111, 151111111, h.sha, left(h.sha, 10), left(md5('crc' || i || n), 8),
            'READY', 'weights/' || h.sha, 192, jsonb_build_object('ss_network_dim', '32'),
            ${at('i * 60 + n')}, ${at('i * 60 + n')}
       ${versionRows}
       CROSS JOIN LATERAL (SELECT md5('lb-sha-a-' || i || '-' || n) || md5('lb-sha-b-' || i || '-' || n) AS sha) AS h`,
    [models],
  );
  await db.query(
    `INSERT INTO catalog.sample_image
       (id, version_id, content_type, width, height, byte_size, storage_key, thumbnails, placeholder, created_at)
     SELECT ${uid(`'lb-image-' || i || '-' || n || '-' || k`)}, ${versionId}, 'image/png', 1024, 1536, 1800000,
            'media/' || h.a || h.b || '.png',
            jsonb_build_array(
              jsonb_build_object('width', 320, 'height', 480, 'key', 'media/' || h.b || h.a || '.webp'),
              jsonb_build_object('width', 640, 'height', 960, 'key', 'media/' || h.a || h.a || '.webp'),
              jsonb_build_object('width', 1280, 'height', 1920, 'key', 'media/' || h.b || h.b || '.webp')),
            'LKO2?U%2Tw=w]~RBVZRi};RPxuwH', ${at('i * 60 + n + k')}
       ${versionRows}
       CROSS JOIN generate_series(1, ${IMAGES_PER_VERSION}) AS k
       CROSS JOIN LATERAL (SELECT md5('lb-img-a-' || i || n || k) AS a, md5('lb-img-b-' || i || n || k) AS b) AS h`,
    [models],
  );
  await db.query(
    `INSERT INTO licensing.offer
       (id, version_id, tier, revision, price_amount, price_currency, permissions, terms_text, terms_sha256, created_at)
     SELECT ${uid(`'lb-offer-' || i || '-' || n || '-' || o.tier`)}, ${versionId}, o.tier, 1, o.price, 'USD',
            jsonb_build_object('commercialUse', o.use, 'derivativesAllowed', true, 'derivativeMayChangeLicense', false,
              'creditRequired', true, 'creditLine', null, 'seats', o.seats, 'revenueCap', o.cap, 'printRunCap', null),
            o.terms, encode(sha256(convert_to(o.terms, 'UTF8')), 'hex'), ${at('i * 60 + n')}
       ${versionRows}
       CROSS JOIN (VALUES ('PERSONAL', 500, 'NONE', 1, NULL::bigint, 'Personal use licence (generated).'),
                          ('COMMERCIAL', 2500, 'SELL_GENERATED_IMAGES', 5, 10000000, 'Commercial licence (generated).'))
         AS o(tier, price, use, seats, cap, terms)`,
    [models],
  );
  const buyers = Math.max(1, Math.ceil(models / 10));
  // Argon2id with the identity domain's parameters (algorithm 2 = Argon2id), hashed once for every buyer.
  const buyerPasswordHash = await hash(GENERATED_BUYER_PASSWORD, {
    algorithm: 2,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
  await db.query(
    `INSERT INTO identity."user" (id, handle, email, display_name, password_hash, created_at, updated_at, password_changed_at)
     SELECT ${uid(`'lb-buyer-' || b`)}, 'buyer-' || b, 'buyer-' || b || '@bench.invalid', 'Buyer ' || b,
            $2, ${at('b')}, ${at('b')}, ${at('b')}
       FROM generate_series(1, $1::int) AS b`,
    [buyers, buyerPasswordHash],
  );
  // Purchase p of buyer b: the COMMERCIAL offer of v1 of model 1 + ((b * 7 + p * 13) mod models), spread over the catalog.
  const purchases = `FROM generate_series(1, $1::int) AS b CROSS JOIN generate_series(1, ${PURCHASES_PER_BUYER}) AS p
       CROSS JOIN LATERAL (SELECT 1 + (b * 7 + p * 13) % $2::int AS i) AS m
       JOIN catalog.style_model sm ON sm.id = ${uid(`'lb-model-' || m.i`)}
       JOIN licensing.offer o ON o.id = ${uid(`'lb-offer-' || m.i || '-1-COMMERCIAL'`)}`;
  const orderId = uid(`'lb-order-' || b || '-' || p`);
  // 10% platform fee; the processor kept 2.9% + 30.
  await db.query(
    `INSERT INTO commerce."order"
       (id, buyer_id, offer_ids, item_name, amount, currency, platform_fee, status, checkout_session_id,
        payment_intent_id, charge_id, processor_fee, created_at, paid_at, updated_at)
     SELECT DISTINCT ON (b, o.id) ${orderId}, ${uid(`'lb-buyer-' || b`)}, ARRAY[o.id], sm.name || ' — Commercial',
            o.price_amount, o.price_currency, o.price_amount / 10, 'PAID', 'cs_gen_' || b || '_' || p,
            'pi_gen_' || b || '_' || p, 'ch_gen_' || b || '_' || p, (o.price_amount * 29 / 1000) + 30,
            ${at('10000000 + b * 100 + p')}, ${at('10000000 + b * 100 + p + 5')}, ${at('10000000 + b * 100 + p + 5')}
       ${purchases}
      ORDER BY b, o.id, p`,
    [buyers, models],
  );
  // One line per order (the offer's licence, granted), and the seller's split of it.
  await db.query(
    `INSERT INTO commerce.order_line
       (id, order_id, position, offer_id, offer_revision, subject_kind, version_id, subject_id, seller_id, tier,
        item_name, amount, platform_fee, platform_fee_bps, processor_fee, grant_id, paid_at)
     SELECT ${uid(`'lb-line-' || ord.id`)}, ord.id, 1, o.id, o.revision, 'MODEL', o.version_id, v.model_id, sm.owner_id,
            o.tier, ord.item_name, ord.amount, ord.platform_fee, 1000, ord.processor_fee,
            ${uid(`'lb-grant-' || ord.id`)}, ord.paid_at
       FROM commerce."order" ord JOIN licensing.offer o ON o.id = ord.offer_ids[1]
       JOIN catalog.model_version v ON v.id = o.version_id JOIN catalog.style_model sm ON sm.id = v.model_id
      WHERE ord.checkout_session_id LIKE 'cs_gen_%'`,
  );
  await db.query(
    `INSERT INTO commerce.order_split
       (order_id, line, recipient_id, role, share_bps, amount, transfer_status, transferable_at, transfer_amount,
        transfer_id, updated_at)
     SELECT l.order_id, 1, l.seller_id, 'SELLER', 10000, l.amount - l.platform_fee, 'SENT', l.paid_at,
            l.amount - l.platform_fee, 'tr_gen_' || l.order_id, l.paid_at
       FROM commerce.order_line l JOIN commerce."order" o ON o.id = l.order_id WHERE o.checkout_session_id LIKE 'cs_gen_%'`,
  );
  await db.query(
    `INSERT INTO licensing.grant
       (id, licensee_id, subject_id, version_id, resource_urn, resource_name, offer_id, offer_revision, tier, permissions,
        terms_text, terms_sha256, file_sha256s, price_amount, price_currency, source, order_ref, issued_at, key_id,
        certificate)
     SELECT l.grant_id, ord.buyer_id, l.subject_id, l.version_id, 'urn:lookbook:model:' || l.subject_id || ':version:' || l.version_id,
            l.item_name, o.id, o.revision, o.tier, o.permissions, o.terms_text, o.terms_sha256,
            ARRAY(SELECT f.sha256 FROM catalog.model_file f WHERE f.version_id = l.version_id ORDER BY f.sha256),
            l.amount, ord.currency, 'PURCHASE', 'order:' || ord.id, ord.paid_at, 'generated',
            'generated.certificate.not-signed'
       FROM commerce."order" ord JOIN commerce.order_line l ON l.order_id = ord.id
       JOIN licensing.offer o ON o.id = l.offer_id
      WHERE ord.checkout_session_id LIKE 'cs_gen_%'`,
  );
  const counted = (await db.query(
    `SELECT count(*)::int AS orders FROM commerce."order" WHERE checkout_session_id LIKE 'cs_gen_%'`,
  )) as { orders: number }[];
  const orders = counted[0]?.orders ?? 0;
  await db.query(`ANALYZE`);
  const versions = models + Math.floor(models / 3);
  return {
    creators,
    models,
    versions,
    files: versions,
    images: versions * IMAGES_PER_VERSION,
    offers: versions * 2,
    buyers,
    orders,
    licenses: orders,
  };
}
