import type { Queryable } from '@lookbook/testing';

/** A comment's rendered tree as the discussion service stores it: one paragraph of plain text (`b.body`). */
const TREE = `jsonb_build_object('type', 'doc', 'children', jsonb_build_array(jsonb_build_object('type', 'paragraph',
  'children', jsonb_build_array(jsonb_build_object('type', 'text', 'text', b.body)))))`;

/**
 * Reviews and a discussion on a model of a `generateCatalog` catalog, written in SQL (as `bench/community.bench.ts`
 * does): `reviews` reviews from distinct buyers (`buyer-1`, `buyer-2`, …, each resting on one of their licences) and
 * `comments` comments, a fifth of them top level with four replies each, by buyers taken round the catalog's
 * `buyers`. The rating counters and the discussion's comment count are kept as the services keep them.
 */
export async function seedConversation(
  db: Queryable,
  modelId: string,
  { reviews, comments, buyers }: { reviews: number; comments: number; buyers: number },
): Promise<void> {
  const buyer = (n: string) => `'buyer-' || (1 + (${n}) % ${buyers})`;
  await db.query(
    `INSERT INTO community.review (id, subject_kind, subject_id, author_id, license_id, license_tier, rating, body, created_at)
     SELECT md5('lb-review-' || $1 || '-' || i)::uuid, 'MODEL', $1::uuid, u.id, g.id, 'COMMERCIAL', 1 + i % 5,
            'Generated review ' || i || ': the lighting holds up across seeds.', now() - i * interval '1 hour'
       FROM generate_series(1, $2::int) i
       JOIN identity."user" u ON u.handle = 'buyer-' || i
       CROSS JOIN LATERAL (SELECT id FROM licensing.grant WHERE licensee_id = u.id LIMIT 1) g`,
    [modelId, reviews],
  );
  await db.query(
    `SELECT community.bump_rating('MODEL', $1::uuid, (1 + i % 5)::smallint, 1) FROM generate_series(1, $2::int) i`,
    [modelId, reviews],
  );
  const tops = Math.ceil(comments / 5);
  await db.query(
    `INSERT INTO community.comment (id, subject_kind, subject_id, root_id, depth, author_id, body, tree, reply_count, visible_reply_count, created_at)
     SELECT md5('lb-comment-' || $1 || '-' || i)::uuid, 'MODEL', $1::uuid, md5('lb-comment-' || $1 || '-' || i)::uuid, 0,
            u.id, b.body, ${TREE}, 4, 4, now() - i * interval '1 hour'
       FROM generate_series(1, $2::int) i JOIN identity."user" u ON u.handle = ${buyer('i * 5')}
       CROSS JOIN LATERAL (SELECT 'Generated comment ' || i || ' about the sample images.' AS body) b`,
    [modelId, tops],
  );
  await db.query(
    `INSERT INTO community.comment (id, subject_kind, subject_id, parent_id, root_id, depth, author_id, body, tree, created_at)
     SELECT md5('lb-reply-' || $1 || '-' || i || '-' || r)::uuid, 'MODEL', $1::uuid, md5('lb-comment-' || $1 || '-' || i)::uuid,
            md5('lb-comment-' || $1 || '-' || i)::uuid, 1, u.id, b.body, ${TREE},
            now() - i * interval '1 hour' + r * interval '1 minute'
       FROM generate_series(1, $2::int) i CROSS JOIN generate_series(1, 4) r
       JOIN identity."user" u ON u.handle = ${buyer('i * 5 + r')}
       CROSS JOIN LATERAL (SELECT 'Reply ' || r || ' to comment ' || i || '.' AS body) b`,
    [modelId, tops],
  );
  await db.query(
    `INSERT INTO community.discussion (subject_kind, subject_id, comment_count, visible_count) VALUES ('MODEL', $1, $2, $2)`,
    [modelId, tops * 5],
  );
}
