import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The community schema: the social graph and its counters.
 *
 * - `community.profile`: a member's bio, links, avatar and cover (public media keys) and whether the profile shows
 *   licences sold. The display name stays in `identity.user`.
 * - `community.follow`: member → member or member → IP; `community.user_block`: a block, kept apart from follows.
 * - `community.like`: a member likes a model, a template or a sample image; the unique row is the truth.
 * - `community.counter`: counts kept transactionally as 8 shards per (subject, metric), summed on read. Likes and
 *   follows are bumped by the community services in the same transaction as their row; the counts other domains own
 *   (published models and templates per creator, downloads, licences sold) are bumped by triggers on their tables, so
 *   those domains need no code to keep them.
 * - `community.activity`: what the following feed reads (fan-out on read): one row per published model version or
 *   template version, written by a trigger in the publishing transaction, indexed by actor and by IP.
 */
export class Community1765750000000 implements MigrationInterface {
  name = 'Community1765750000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE SCHEMA community;

      CREATE TABLE community.profile (
        user_id uuid PRIMARY KEY REFERENCES identity.user (id),
        bio text NOT NULL DEFAULT '' CHECK (char_length(bio) <= 1000),
        links jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(links) = 'array' AND jsonb_array_length(links) <= 5),
        avatar jsonb,
        cover jsonb,
        show_licenses_sold boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL
      );

      CREATE TABLE community.follow (
        follower_id uuid NOT NULL REFERENCES identity.user (id),
        target_kind text NOT NULL CHECK (target_kind IN ('USER', 'IP')),
        target_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (follower_id, target_kind, target_id),
        CONSTRAINT follow_not_self CHECK (target_kind <> 'USER' OR target_id <> follower_id)
      );
      CREATE INDEX follow_target_idx ON community.follow (target_kind, target_id, created_at DESC);
      CREATE INDEX follow_recent_idx ON community.follow (follower_id, created_at DESC);

      CREATE TABLE community.user_block (
        blocker_id uuid NOT NULL REFERENCES identity.user (id),
        blocked_id uuid NOT NULL REFERENCES identity.user (id),
        created_at timestamptz NOT NULL,
        PRIMARY KEY (blocker_id, blocked_id),
        CONSTRAINT user_block_not_self CHECK (blocker_id <> blocked_id)
      );
      CREATE INDEX user_block_blocked_idx ON community.user_block (blocked_id, blocker_id);

      CREATE TABLE community."like" (
        user_id uuid NOT NULL REFERENCES identity.user (id),
        subject_kind text NOT NULL CHECK (subject_kind IN ('MODEL', 'TEMPLATE', 'IMAGE')),
        subject_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, subject_kind, subject_id)
      );
      CREATE INDEX like_subject_idx ON community."like" (subject_kind, subject_id);

      CREATE TABLE community.counter (
        subject_kind text NOT NULL CHECK (subject_kind IN ('USER', 'IP', 'MODEL', 'TEMPLATE', 'IMAGE')),
        subject_id uuid NOT NULL,
        metric text NOT NULL CHECK (metric IN ('LIKES', 'DOWNLOADS', 'FOLLOWERS', 'FOLLOWING', 'LIKES_RECEIVED',
          'MODELS', 'TEMPLATES', 'LICENSES_SOLD')),
        shard smallint NOT NULL CHECK (shard BETWEEN 0 AND 7),
        value bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (subject_kind, subject_id, metric, shard)
      ) WITH (fillfactor = 70);

      CREATE TABLE community.activity (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_id uuid NOT NULL,
        ip_id uuid,
        verb text NOT NULL CHECK (verb IN ('MODEL_VERSION_PUBLISHED', 'TEMPLATE_PUBLISHED',
          'TEMPLATE_VERSION_PUBLISHED', 'REMIX_PUBLISHED')),
        subject_kind text NOT NULL CHECK (subject_kind IN ('MODEL', 'TEMPLATE')),
        subject_id uuid NOT NULL,
        version_id uuid NOT NULL UNIQUE,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX activity_actor_idx ON community.activity (actor_id, id DESC);
      CREATE INDEX activity_ip_idx ON community.activity (ip_id, id DESC) WHERE ip_id IS NOT NULL;

      -- One shard per call: random for counts bumped by triggers (no user to hash), so a hot creator spreads its
      -- download bumps over 8 rows.
      CREATE FUNCTION community.bump(kind text, id uuid, what text, delta bigint) RETURNS void LANGUAGE sql AS $$
        INSERT INTO community.counter AS c (subject_kind, subject_id, metric, shard, value)
        VALUES (kind, id, what, floor(random() * 8)::smallint, delta)
        ON CONFLICT (subject_kind, subject_id, metric, shard) DO UPDATE SET value = c.value + EXCLUDED.value
      $$;

      CREATE FUNCTION community.count_published_models() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'PUBLISHED' THEN
          PERFORM community.bump('USER', OLD.owner_id, 'MODELS', -1);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'PUBLISHED' THEN
          PERFORM community.bump('USER', NEW.owner_id, 'MODELS', 1);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER community_count_models AFTER INSERT OR DELETE OR UPDATE OF status, owner_id ON catalog.style_model
        FOR EACH ROW EXECUTE FUNCTION community.count_published_models();

      CREATE FUNCTION community.count_published_templates() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'PUBLISHED' THEN
          PERFORM community.bump('USER', OLD.owner_id, 'TEMPLATES', -1);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'PUBLISHED' THEN
          PERFORM community.bump('USER', NEW.owner_id, 'TEMPLATES', 1);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER community_count_templates AFTER INSERT OR DELETE OR UPDATE OF status, owner_id
        ON templates.template FOR EACH ROW EXECUTE FUNCTION community.count_published_templates();

      CREATE FUNCTION community.count_downloads() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE owner uuid;
      BEGIN
        IF NEW.download_count IS DISTINCT FROM OLD.download_count THEN
          SELECT owner_id INTO owner FROM catalog.style_model WHERE id = NEW.model_id;
          PERFORM community.bump('MODEL', NEW.model_id, 'DOWNLOADS', NEW.download_count - OLD.download_count);
          PERFORM community.bump('USER', owner, 'DOWNLOADS', NEW.download_count - OLD.download_count);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER community_count_downloads AFTER UPDATE OF download_count ON catalog.model_version
        FOR EACH ROW EXECUTE FUNCTION community.count_downloads();

      CREATE FUNCTION community.count_licenses_sold() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE owner uuid;
      BEGIN
        IF NEW.subject_kind = 'TEMPLATE' THEN
          SELECT owner_id INTO owner FROM templates.template WHERE id = NEW.subject_id;
        ELSE
          SELECT owner_id INTO owner FROM catalog.style_model WHERE id = NEW.subject_id;
        END IF;
        IF owner IS NOT NULL THEN PERFORM community.bump('USER', owner, 'LICENSES_SOLD', 1); END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER community_count_licenses_sold AFTER INSERT ON licensing.grant
        FOR EACH ROW WHEN (NEW.source = 'PURCHASE') EXECUTE FUNCTION community.count_licenses_sold();

      CREATE FUNCTION community.record_model_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status <> 'PUBLISHED' OR (TG_OP = 'UPDATE' AND OLD.status = 'PUBLISHED') THEN RETURN NULL; END IF;
        INSERT INTO community.activity (actor_id, verb, subject_kind, subject_id, version_id, created_at)
          SELECT m.owner_id, 'MODEL_VERSION_PUBLISHED', 'MODEL', m.id, NEW.id, coalesce(NEW.published_at, now())
            FROM catalog.style_model m WHERE m.id = NEW.model_id
          ON CONFLICT (version_id) DO NOTHING;
        RETURN NULL;
      END $$;
      CREATE TRIGGER community_record_model_version AFTER INSERT OR UPDATE OF status ON catalog.model_version
        FOR EACH ROW EXECUTE FUNCTION community.record_model_version();

      CREATE FUNCTION community.record_template_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status <> 'PUBLISHED' OR (TG_OP = 'UPDATE' AND OLD.status = 'PUBLISHED') THEN RETURN NULL; END IF;
        INSERT INTO community.activity (actor_id, ip_id, verb, subject_kind, subject_id, version_id, created_at)
          SELECT t.owner_id, t.ip_id,
                 CASE WHEN EXISTS (SELECT 1 FROM templates.lineage_edge e
                                    WHERE e.child_id = t.id AND e.relation = 'REMIX') THEN 'REMIX_PUBLISHED'
                      WHEN EXISTS (SELECT 1 FROM templates.template_version v
                                    WHERE v.template_id = t.id AND v.status = 'PUBLISHED' AND v.id <> NEW.id)
                        THEN 'TEMPLATE_VERSION_PUBLISHED'
                      ELSE 'TEMPLATE_PUBLISHED' END,
                 'TEMPLATE', t.id, NEW.id, coalesce(NEW.published_at, now())
            FROM templates.template t WHERE t.id = NEW.template_id
          ON CONFLICT (version_id) DO NOTHING;
        RETURN NULL;
      END $$;
      CREATE TRIGGER community_record_template_version AFTER INSERT OR UPDATE OF status ON templates.template_version
        FOR EACH ROW EXECUTE FUNCTION community.record_template_version();

      -- What is already there: counts and the activity of versions published before this migration.
      INSERT INTO community.counter (subject_kind, subject_id, metric, shard, value)
        SELECT 'USER', owner_id, 'MODELS', 0, count(*) FROM catalog.style_model WHERE status = 'PUBLISHED'
         GROUP BY owner_id
        UNION ALL
        SELECT 'USER', owner_id, 'TEMPLATES', 0, count(*) FROM templates.template WHERE status = 'PUBLISHED'
         GROUP BY owner_id
        UNION ALL
        SELECT 'MODEL', model_id, 'DOWNLOADS', 0, sum(download_count) FROM catalog.model_version
         GROUP BY model_id HAVING sum(download_count) > 0
        UNION ALL
        SELECT 'USER', m.owner_id, 'DOWNLOADS', 0, sum(v.download_count)
          FROM catalog.model_version v JOIN catalog.style_model m ON m.id = v.model_id
         GROUP BY m.owner_id HAVING sum(v.download_count) > 0
        UNION ALL
        SELECT 'USER', coalesce(m.owner_id, t.owner_id), 'LICENSES_SOLD', 0, count(*)
          FROM licensing.grant g
          LEFT JOIN catalog.style_model m ON g.subject_kind = 'MODEL' AND m.id = g.subject_id
          LEFT JOIN templates.template t ON g.subject_kind = 'TEMPLATE' AND t.id = g.subject_id
         WHERE g.source = 'PURCHASE' AND coalesce(m.owner_id, t.owner_id) IS NOT NULL
         GROUP BY coalesce(m.owner_id, t.owner_id);
      INSERT INTO community.activity (actor_id, ip_id, verb, subject_kind, subject_id, version_id, created_at)
        SELECT actor_id, ip_id, verb, subject_kind, subject_id, version_id, created_at FROM (
          SELECT m.owner_id AS actor_id, NULL::uuid AS ip_id, 'MODEL_VERSION_PUBLISHED' AS verb,
                 'MODEL' AS subject_kind, m.id AS subject_id, v.id AS version_id, v.published_at AS created_at
            FROM catalog.model_version v JOIN catalog.style_model m ON m.id = v.model_id
           WHERE v.status = 'PUBLISHED'
          UNION ALL
          SELECT t.owner_id, t.ip_id, 'TEMPLATE_VERSION_PUBLISHED', 'TEMPLATE', t.id, v.id, v.published_at
            FROM templates.template_version v JOIN templates.template t ON t.id = v.template_id
           WHERE v.status = 'PUBLISHED') a
         ORDER BY created_at, version_id;
    `);
    // Public pages show counts and profiles: a change drops the anonymous response cache (see Performance1764700000000).
    for (const table of ['community.counter', 'community.profile']) {
      await db.query(
        `CREATE TRIGGER public_catalog_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION core.notify_public_catalog_change()`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER community_record_template_version ON templates.template_version;
      DROP TRIGGER community_record_model_version ON catalog.model_version;
      DROP TRIGGER community_count_licenses_sold ON licensing.grant;
      DROP TRIGGER community_count_downloads ON catalog.model_version;
      DROP TRIGGER community_count_templates ON templates.template;
      DROP TRIGGER community_count_models ON catalog.style_model;
      DROP SCHEMA community CASCADE;
    `);
  }
}
