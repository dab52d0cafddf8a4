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
}

/** Every third model has a second version; every version has 1 file, 3 sample images and 2 offers. */
const IMAGES_PER_VERSION = 3;

/**
 * A published catalog of `models` style models, generated inside Postgres (INSERT … SELECT over generate_series), so
 * 10k models take a second and 1M a few minutes. Reproducible: every id, hash, name and timestamp is a function of
 * the row's number (the UUID of model 42 comes from md5('lb-model-42')), so two runs produce byte-identical data. Files are metadata only
 * (no bytes in storage); image keys are well-formed public media keys with no object behind them.
 * Used by the read-path tests (SQL budgets at two catalog sizes) and by `npm run bench`.
 */
export async function generateCatalog(db: Queryable, models: number): Promise<GeneratedCatalog> {
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
  await db.query(`ANALYZE`);
  const versions = models + Math.floor(models / 3);
  return {
    creators,
    models,
    versions,
    files: versions,
    images: versions * IMAGES_PER_VERSION,
    offers: versions * 2,
  };
}
