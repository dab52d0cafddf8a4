import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { MIGRATIONS } from '@lookbook/migrations';

/**
 * The subject-id migration on a database that holds licences and order lines under the old column name: `model_id`
 * becomes `subject_id` on `licensing.grant` and `commerce.order_line` with every value kept (model and template
 * subjects alike), the index and constraints follow the name, the database's guards still hold — and back again.
 */
describe('migration: what was licensed or sold is named by subject_id', () => {
  let bed: RepositoryTestBed;
  let runner: QueryRunner;
  const SubjectIds = MIGRATIONS.find((m) => m.name === 'SubjectIds1765600000000')!;
  const migration = new SubjectIds();

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    runner = bed.dataSource.createQueryRunner();
  });
  afterAll(async () => {
    await runner.release();
    await bed.close();
  });

  const columns = async (schema: string, table: string) =>
    (
      await bed.db.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2
            AND column_name IN ('model_id', 'subject_id')`,
        [schema, table],
      )
    ).map((c) => c.column_name);
  const namesOf = async (kind: 'index' | 'constraint') =>
    (
      await bed.db.query<{ name: string }>(
        kind === 'index'
          ? `SELECT indexname AS name FROM pg_indexes
              WHERE (schemaname, tablename) IN (('licensing', 'grant'), ('commerce', 'order_line'))
                AND (indexname LIKE '%model%' OR indexname LIKE '%subject%') ORDER BY 1`
          : `SELECT conname AS name FROM pg_constraint
              WHERE conrelid IN ('licensing.grant'::regclass, 'commerce.order_line'::regclass)
                AND (conname LIKE '%model%' OR conname LIKE '%subject\\_id%') ORDER BY 1`,
      )
    ).map((r) => r.name);
  const notNullConstraints = async () =>
    (await bed.db.query<{ v: number }>(`SELECT current_setting('server_version_num')::int AS v`))[0]!.v >= 180000;

  it('renames the columns, keeps every value, and renames the index and constraints to match', async () => {
    await migration.down(runner); // the schema before: model_id
    // A later migration's trigger (reviews resting on a new licence) reads NEW.subject_id, which the old schema lacks.
    await bed.db.query(`ALTER TABLE licensing.grant DISABLE TRIGGER community_review_license_issued`);
    expect(await columns('licensing', 'grant')).toEqual(['model_id']);
    expect(await columns('commerce', 'order_line')).toEqual(['model_id']);

    // Two licences of one model version (two tiers) and an order of two lines: a model and a template.
    const buyer = (await bed.seed.user()).id;
    const { ownerId: seller, modelId, versionId } = await bed.seed.publishedVersion();
    const grants = [randomUUID(), randomUUID()];
    for (const [i, tier] of ['PERSONAL', 'COMMERCIAL'].entries()) {
      const offerId = await bed.seed.offer(versionId, { tier });
      await bed.db.query(
        `INSERT INTO licensing.grant (id, licensee_id, subject_kind, model_id, version_id, resource_urn, resource_name,
           offer_id, offer_revision, tier, permissions, terms_text, terms_sha256, file_sha256s, price_amount,
           price_currency, source, issued_at, key_id, certificate)
         VALUES ($1, $2, 'MODEL', $3, $4, $5, 'Ink Wash — v1', $6, 1, $7, '{}', 'terms', $8, $9, 1000, 'EUR', 'GIFT',
           now(), 'k1', 'x')`,
        [
          grants[i],
          buyer,
          modelId,
          versionId,
          `urn:lookbook:model:${modelId}:version:${versionId}`,
          offerId,
          tier,
          'a'.repeat(64),
          ['b'.repeat(64)],
        ],
      );
    }
    const order = randomUUID();
    const template = randomUUID();
    await bed.db.query(
      `INSERT INTO commerce."order" (id, buyer_id, offer_ids, item_name, amount, currency, platform_fee, status,
         created_at, updated_at)
       VALUES ($1, $2, $3, 'Ink Wash — v1 + 1 more', 3000, 'EUR', 300, 'PENDING', now(), now())`,
      [order, buyer, [randomUUID(), randomUUID()].sort()],
    );
    for (const [position, kind, subject] of [
      [1, 'MODEL', modelId],
      [2, 'TEMPLATE', template],
    ] as const) {
      await bed.db.query(
        `INSERT INTO commerce.order_line (id, order_id, position, offer_id, offer_revision, subject_kind, version_id,
           model_id, seller_id, tier, item_name, amount, platform_fee, platform_fee_bps)
         VALUES ($1, $2, $3, $4, 1, $5, $4, $6, $7, 'PERSONAL', 'x', 1500, 150, 1000)`,
        [randomUUID(), order, position, randomUUID(), kind, subject, seller],
      );
    }
    const before = {
      grants: await bed.db.query(`SELECT id, model_id AS subject FROM licensing.grant ORDER BY id`),
      lines: await bed.db.query(`SELECT id, subject_kind, model_id AS subject FROM commerce.order_line ORDER BY id`),
    };
    expect(before.grants).toHaveLength(2);
    expect(before.lines).toHaveLength(2);

    await migration.up(runner);
    await bed.db.query(`ALTER TABLE licensing.grant ENABLE TRIGGER community_review_license_issued`);
    expect(await columns('licensing', 'grant')).toEqual(['subject_id']);
    expect(await columns('commerce', 'order_line')).toEqual(['subject_id']);
    expect(await bed.db.query(`SELECT id, subject_id AS subject FROM licensing.grant ORDER BY id`)).toEqual(
      before.grants,
    );
    expect(
      await bed.db.query(`SELECT id, subject_kind, subject_id AS subject FROM commerce.order_line ORDER BY id`),
    ).toEqual(before.lines);
    expect(
      (
        await bed.db.query<{ subject_kind: string; subject_id: string }>(
          `SELECT subject_kind, subject_id FROM commerce.order_line WHERE order_id = $1 ORDER BY position`,
          [order],
        )
      ).map((l) => [l.subject_kind, l.subject_id]),
    ).toEqual([
      ['MODEL', modelId],
      ['TEMPLATE', template],
    ]);
    expect(await namesOf('index')).toEqual(['grant_subject_issued_idx']);
    const [index] = await bed.db.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'grant_subject_issued_idx'`,
    );
    expect(index!.indexdef).toMatch(/\(subject_id, issued_at DESC\)/);
    expect(await namesOf('constraint')).toEqual(
      (await notNullConstraints()) ? ['grant_subject_id_not_null', 'order_line_subject_id_not_null'] : [],
    );

    // The guards still hold on the renamed column: required, and a licence never changes what it is for.
    await expect(
      bed.db.query(`UPDATE commerce.order_line SET subject_id = NULL WHERE order_id = $1`, [order]),
    ).rejects.toThrow(/subject_id/);
    await expect(
      bed.db.query(`UPDATE licensing.grant SET subject_id = $2 WHERE id = $1`, [grants[0], template]),
    ).rejects.toThrow(/immutable/);

    // Down restores the old names with the same values; up again lands on the same schema.
    await migration.down(runner);
    expect(await columns('licensing', 'grant')).toEqual(['model_id']);
    expect(await namesOf('index')).toEqual(['grant_model_issued_idx']);
    expect(await namesOf('constraint')).toEqual(
      (await notNullConstraints()) ? ['grant_model_id_not_null', 'order_line_model_id_not_null'] : [],
    );
    expect(await bed.db.query(`SELECT id, model_id AS subject FROM licensing.grant ORDER BY id`)).toEqual(
      before.grants,
    );
    await migration.up(runner);
    expect(await columns('commerce', 'order_line')).toEqual(['subject_id']);
    expect(await namesOf('index')).toEqual(['grant_subject_issued_idx']);
  });
});
