import type { MigrationInterface, QueryRunner } from 'typeorm';

const METRICS_BEFORE = `'LIKES', 'DOWNLOADS', 'FOLLOWERS', 'FOLLOWING', 'LIKES_RECEIVED', 'MODELS', 'TEMPLATES',
  'LICENSES_SOLD', 'RATING_SUM', 'RATING_COUNT'`;

/**
 * Reviews from verified licensees (docs/decisions/0022-reviews-rest-on-a-licence.md).
 *
 * - `community.review`: one per author per model or template, resting on a licence (`license_id`, its tier kept for
 *   display). `license_held` says whether the author still holds an active licence on the subject; only held reviews
 *   count in the rating counters (`RATING_SUM`, `RATING_COUNT`, and the histogram `RATING_1`…`RATING_5`).
 *   The creator's one reply lives on the row; `helpful_count` is bumped with each vote.
 * - `community.review_revision`: the text and rating an edit replaced, numbered.
 * - `community.review_vote`: one "helpful" per member per review.
 * - Triggers on `licensing.grant` keep `license_held` and the counters exact when a licence is revoked (refund, lost
 *   dispute…) or a new one issued, in that transaction: licensing needs no code for it. A revoked licence moves the
 *   review onto another active licence of the same author on the same subject when there is one.
 */
export class Reviews1765810000000 implements MigrationInterface {
  name = 'Reviews1765810000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE community.counter DROP CONSTRAINT counter_metric_check,
        ADD CONSTRAINT counter_metric_check CHECK (metric IN (${METRICS_BEFORE},
          'RATING_1', 'RATING_2', 'RATING_3', 'RATING_4', 'RATING_5'));

      CREATE TABLE community.review (
        id uuid PRIMARY KEY,
        subject_kind text NOT NULL CHECK (subject_kind IN ('MODEL', 'TEMPLATE')),
        subject_id uuid NOT NULL,
        author_id uuid NOT NULL REFERENCES identity.user (id),
        license_id uuid NOT NULL REFERENCES licensing.grant (id),
        license_tier text NOT NULL,
        license_held boolean NOT NULL DEFAULT true,
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
        revision integer NOT NULL DEFAULT 1,
        helpful_count integer NOT NULL DEFAULT 0 CHECK (helpful_count >= 0),
        created_at timestamptz NOT NULL,
        edited_at timestamptz,
        reply_body text CHECK (char_length(reply_body) BETWEEN 1 AND 2000),
        replied_at timestamptz,
        reply_edited_at timestamptz,
        CONSTRAINT review_one_per_author UNIQUE (author_id, subject_kind, subject_id)
      );
      CREATE INDEX review_subject_idx ON community.review (subject_kind, subject_id, created_at DESC, id DESC);
      CREATE INDEX review_author_idx ON community.review (author_id, created_at DESC, id DESC);
      CREATE INDEX review_license_idx ON community.review (license_id);

      CREATE TABLE community.review_revision (
        review_id uuid NOT NULL REFERENCES community.review (id) ON DELETE CASCADE,
        revision integer NOT NULL,
        rating smallint NOT NULL,
        body text NOT NULL,
        written_at timestamptz NOT NULL,
        PRIMARY KEY (review_id, revision)
      );

      CREATE TABLE community.review_vote (
        review_id uuid NOT NULL REFERENCES community.review (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES identity.user (id),
        created_at timestamptz NOT NULL,
        PRIMARY KEY (review_id, user_id)
      );

      -- A review's weight in its subject's rating counters (+1 counts it, -1 takes it out).
      CREATE FUNCTION community.bump_rating(kind text, id uuid, rating smallint, sign integer) RETURNS void
      LANGUAGE sql AS $$
        SELECT community.bump(kind, id, 'RATING_SUM', sign * rating);
        SELECT community.bump(kind, id, 'RATING_COUNT', sign);
        SELECT community.bump(kind, id, 'RATING_' || rating, sign);
      $$;

      CREATE FUNCTION community.review_license_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        r community.review%ROWTYPE;
        other licensing.grant%ROWTYPE;
      BEGIN
        FOR r IN SELECT * FROM community.review WHERE license_id = NEW.id AND license_held FOR UPDATE LOOP
          SELECT * INTO other FROM licensing.grant g
           WHERE g.licensee_id = r.author_id AND g.subject_kind = r.subject_kind AND g.subject_id = r.subject_id
             AND g.status = 'ACTIVE' AND g.id <> NEW.id
           ORDER BY array_position(ARRAY['EXCLUSIVE', 'ENTERPRISE', 'COMMERCIAL', 'PERSONAL', 'FREE'], g.tier), g.issued_at
           LIMIT 1;
          IF FOUND THEN
            UPDATE community.review SET license_id = other.id, license_tier = other.tier WHERE id = r.id;
          ELSE
            UPDATE community.review SET license_held = false WHERE id = r.id;
            PERFORM community.bump_rating(r.subject_kind, r.subject_id, r.rating, -1);
          END IF;
        END LOOP;
        RETURN NULL;
      END $$;
      CREATE TRIGGER community_review_license_revoked AFTER UPDATE OF status ON licensing.grant
        FOR EACH ROW WHEN (OLD.status = 'ACTIVE' AND NEW.status <> 'ACTIVE')
        EXECUTE FUNCTION community.review_license_revoked();

      CREATE FUNCTION community.review_license_issued() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        r community.review%ROWTYPE;
      BEGIN
        FOR r IN SELECT * FROM community.review
                  WHERE author_id = NEW.licensee_id AND subject_kind = NEW.subject_kind AND subject_id = NEW.subject_id
                    AND NOT license_held FOR UPDATE LOOP
          UPDATE community.review SET license_id = NEW.id, license_tier = NEW.tier, license_held = true WHERE id = r.id;
          PERFORM community.bump_rating(r.subject_kind, r.subject_id, r.rating, 1);
        END LOOP;
        RETURN NULL;
      END $$;
      CREATE TRIGGER community_review_license_issued AFTER INSERT ON licensing.grant
        FOR EACH ROW WHEN (NEW.status = 'ACTIVE') EXECUTE FUNCTION community.review_license_issued();
    `);
    await db.query(
      `CREATE TRIGGER public_catalog_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON community.review
         FOR EACH STATEMENT EXECUTE FUNCTION core.notify_public_catalog_change()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER community_review_license_issued ON licensing.grant;
      DROP TRIGGER community_review_license_revoked ON licensing.grant;
      DROP FUNCTION community.review_license_issued();
      DROP FUNCTION community.review_license_revoked();
      DROP FUNCTION community.bump_rating(text, uuid, smallint, integer);
      DROP TABLE community.review_vote, community.review_revision, community.review;
      DELETE FROM community.counter WHERE metric IN ('RATING_1', 'RATING_2', 'RATING_3', 'RATING_4', 'RATING_5');
      ALTER TABLE community.counter DROP CONSTRAINT counter_metric_check,
        ADD CONSTRAINT counter_metric_check CHECK (metric IN (${METRICS_BEFORE}));
    `);
  }
}
