/**
 * The benchmark's yardstick (not product code): a hand-written Fastify + `pg` server answering the discover page and
 * the model page with the same JSON Lookbook's GraphQL returns, each in one SQL statement that builds the JSON in
 * Postgres, and the following feed (`/feed?viewer=<user id>`: no sign-in, the viewer is given) in one plain join. Started by `npm run bench` beside the API on the same database; the bench checks both answers are equal
 * before it measures anything.
 *
 *   DATABASE_URL=… MEDIA_PUBLIC_URL=… PORT=… node tools/register.js bench/baseline-server.js
 */
import Fastify from 'fastify';
import { Pool } from 'pg';

const media = process.env['MEDIA_PUBLIC_URL']!;
const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 10 });

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const url = (key: string) => `$1 || '/' || substr(${key}, 7)`;
const TIERS = `ARRAY['FREE', 'PERSONAL', 'COMMERCIAL', 'ENTERPRISE', 'EXCLUSIVE']`;

const thumbnails = `(SELECT coalesce(json_agg(json_build_object('width', (t ->> 'width')::int, 'height', (t ->> 'height')::int,
    'url', ${url("t ->> 'key'")})), '[]') FROM jsonb_array_elements(s.thumbnails) t)`;

/** A model's published versions (newest first), each with `fields` (SQL json_build_object pairs). */
const versions = (fields: string) => `(SELECT coalesce(json_agg(json_build_object(${fields})
      ORDER BY v.created_at DESC, v.id DESC), '[]')
      FROM catalog.model_version v WHERE v.model_id = m.id AND v.status = 'PUBLISHED')`;
/** A version's live offers, cheapest tier first, each with `fields`. */
const offers = (fields: string) => `(SELECT coalesce(json_agg(json_build_object(${fields})
      ORDER BY array_position(${TIERS}, o.tier)), '[]')
      FROM licensing.offer o WHERE o.version_id = v.id AND o.retired_at IS NULL)`;
const FROM_MODELS = `FROM catalog.style_model m
  JOIN catalog.base_model b ON b.id = m.base_model_id
  LEFT JOIN identity.public_profile p ON p.id = m.owner_id`;

const DISCOVER = `
  SELECT m.id, ${iso('m.published_at')} AS published_at, json_build_object(
    'id', m.id, 'slug', m.slug, 'name', m.name, 'type', m.type, 'tags', m.tags, 'publishedAt', ${iso('m.published_at')},
    'owner', CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('handle', p.handle, 'displayName', p.display_name) END,
    'baseModel', json_build_object('id', b.id, 'name', b.name),
    'versions', ${versions(`'id', v.id, 'name', v.name,
        'sampleImages', (SELECT coalesce(json_agg(json_build_object('width', s.width, 'height', s.height,
            'placeholder', s.placeholder, 'thumbnails', ${thumbnails}) ORDER BY s.created_at, s.id), '[]')
          FROM catalog.sample_image s WHERE s.version_id = v.id),
        'licenseOffers', ${offers(`'tier', o.tier, 'priceAmount', o.price_amount, 'priceCurrency', o.price_currency`)}`)}
  ) AS node
  ${FROM_MODELS}
  WHERE m.status = 'PUBLISHED'
  ORDER BY m.published_at DESC, m.id DESC
  LIMIT $2`;

const MODEL_PAGE = `
  SELECT json_build_object(
    'id', m.id, 'slug', m.slug, 'name', m.name, 'description', m.description, 'type', m.type, 'tags', m.tags,
    'maturity', m.maturity, 'publishedAt', ${iso('m.published_at')},
    'owner', CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'handle', p.handle, 'displayName', p.display_name) END,
    'baseModel', json_build_object('id', b.id, 'name', b.name, 'licenseName', b.licence_name, 'nonCommercial', b.non_commercial),
    'versions', ${versions(`'id', v.id, 'name', v.name, 'changelog', v.changelog,
        'triggerWords', v.trigger_words, 'access', v.access, 'downloadCount', v.download_count,
        'publishedAt', ${iso('v.published_at')},
        'recommendedSettings', (SELECT coalesce(json_agg(json_build_object('key', r.key, 'value', r.value #>> '{}')), '[]')
          FROM jsonb_each(v.recommended_settings) r),
        'files', (SELECT coalesce(json_agg(json_build_object('id', f.id, 'role', f.role, 'fileName', f.file_name,
            'precision', f.precision, 'sizeBytes', f.size_bytes, 'sha256', f.sha256, 'autoV2', f.autov2)
            ORDER BY f.created_at, f.id), '[]') FROM catalog.model_file f WHERE f.version_id = v.id),
        'sampleImages', (SELECT coalesce(json_agg(json_build_object('id', s.id, 'width', s.width, 'height', s.height,
            'url', ${url('s.storage_key')}, 'placeholder', s.placeholder, 'thumbnails', ${thumbnails},
            'linkedVersionIds', (SELECT coalesce(json_agg(l.version_id), '[]') FROM catalog.sample_image_resource l
              WHERE l.image_id = s.id)) ORDER BY s.created_at, s.id), '[]')
          FROM catalog.sample_image s WHERE s.version_id = v.id),
        'licenseOffers', ${offers(`'id', o.id, 'tier', o.tier,
            'priceAmount', o.price_amount, 'priceCurrency', o.price_currency,
            'permissions', json_build_object('commercialUse', o.permissions ->> 'commercialUse',
              'derivativesAllowed', (o.permissions ->> 'derivativesAllowed')::boolean,
              'creditRequired', (o.permissions ->> 'creditRequired')::boolean)`)}`)}
  ) AS model
  ${FROM_MODELS}
  WHERE m.id = $2 AND m.status = 'PUBLISHED'`;

/**
 * The following feed as one would write it by hand: the activity of everyone the viewer follows (members by author,
 * IPs by IP), still published, nobody blocked either way, newest first — the join Postgres plans as it likes.
 */
const FEED = `
  SELECT a.id::text AS id, a.verb, ${iso('a.created_at')} AS created_at, a.actor_id, u.handle, u.display_name,
         a.subject_kind, a.subject_id, coalesce(m.name, t.name) AS subject_name, coalesce(v.name, tv.label) AS version_name
    FROM community.activity a
    JOIN identity.public_profile u ON u.id = a.actor_id
    LEFT JOIN catalog.style_model m ON a.subject_kind = 'MODEL' AND m.id = a.subject_id
    LEFT JOIN catalog.model_version v ON a.subject_kind = 'MODEL' AND v.id = a.version_id
    LEFT JOIN templates.template t ON a.subject_kind = 'TEMPLATE' AND t.id = a.subject_id
    LEFT JOIN templates.template_version tv ON a.subject_kind = 'TEMPLATE' AND tv.id = a.version_id
   WHERE (a.actor_id IN (SELECT target_id FROM community.follow WHERE follower_id = $1 AND target_kind = 'USER')
          OR a.ip_id IN (SELECT target_id FROM community.follow WHERE follower_id = $1 AND target_kind = 'IP'))
     AND ($2::bigint IS NULL OR a.id < $2)
     AND coalesce(m.status, t.status) = 'PUBLISHED'
     AND NOT EXISTS (SELECT 1 FROM community.user_block b WHERE (b.blocker_id = $1 AND b.blocked_id = a.actor_id)
                                                          OR (b.blocker_id = a.actor_id AND b.blocked_id = $1))
   ORDER BY a.id DESC
   LIMIT $3`;

const cursor = (t: string, id: string) => Buffer.from(JSON.stringify({ t, id })).toString('base64url');

async function main(): Promise<void> {
  const app = Fastify({ logger: false });
  app.get<{ Querystring: { first?: string } }>('/discover', async (request, reply) => {
    const first = Math.min(100, Number(request.query.first ?? 24));
    const { rows } = await pool.query<{ id: string; published_at: string; node: unknown }>(DISCOVER, [
      media,
      first + 1,
    ]);
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return reply.type('application/json').send(
      JSON.stringify({
        data: {
          styleModels: {
            nodes: page.map((r) => r.node),
            pageInfo: { hasNextPage: rows.length > first, endCursor: last ? cursor(last.published_at, last.id) : null },
          },
        },
      }),
    );
  });
  app.get<{ Params: { id: string } }>('/model/:id', async (request, reply) => {
    const { rows } = await pool.query<{ model: unknown }>(MODEL_PAGE, [media, request.params.id]);
    if (!rows[0]) return reply.status(404).send({ error: 'NOT_FOUND' });
    return reply.type('application/json').send(JSON.stringify({ data: { styleModel: rows[0].model } }));
  });
  app.get<{ Querystring: { viewer: string; first?: string; after?: string } }>('/feed', async (request, reply) => {
    const first = Math.min(100, Number(request.query.first ?? 20));
    const after = request.query.after
      ? /^feed:(\d+)$/.exec(Buffer.from(request.query.after, 'base64url').toString('utf8'))?.[1]
      : null;
    const { rows } = await pool.query<Record<string, string>>(FEED, [request.query.viewer, after ?? null, first + 1]);
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return reply.type('application/json').send(
      JSON.stringify({
        data: {
          followingFeed: {
            nodes: page.map((r) => ({
              id: r['id'],
              verb: r['verb'],
              createdAt: r['created_at'],
              actor: { id: r['actor_id'], handle: r['handle'], displayName: r['display_name'] },
              subjectKind: r['subject_kind'],
              subjectId: r['subject_id'],
              subjectName: r['subject_name'],
              versionName: r['version_name'],
            })),
            pageInfo: {
              hasNextPage: rows.length > first,
              endCursor: last ? Buffer.from(`feed:${last['id']}`).toString('base64url') : null,
            },
          },
        },
      }),
    );
  });
  app.get('/healthz', (_request, reply) => reply.send({ status: 'ok' }));
  await app.listen({ host: '127.0.0.1', port: Number(process.env['PORT']) });
}

void main();
