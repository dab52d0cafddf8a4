import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { DataSource } from 'typeorm';
import { typeormOptions } from '@lookbook/core';
import type { TestDatabase } from './test-database';
import { createTestDatabase } from './test-database';

/**
 * The medium tier: a repository against a real, migrated PostgreSQL (a database of its own per test file), with no
 * Nest application around it. Rows the repository under test does not own are seeded with plain SQL (`seed`), so a
 * repository's test never depends on another repository.
 */
export interface RepositoryTestBed {
  dataSource: DataSource;
  db: TestDatabase;
  seed: Seeds;
  /** Runs `work` in a transaction that is always rolled back (locks, in-transaction reads). */
  inRollback<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function createRepositoryTestBed(entities: EntityTarget<ObjectLiteral>[]): Promise<RepositoryTestBed> {
  const db = await createTestDatabase();
  const dataSource = new DataSource({
    ...typeormOptions({ url: db.url, poolMax: 4, applicationName: 'lookbook-repository-test' }),
    entities: entities as never,
  });
  await dataSource.initialize();
  return {
    dataSource,
    db,
    seed: new Seeds(db),
    inRollback: async (work) => {
      const runner = dataSource.createQueryRunner();
      await runner.startTransaction();
      try {
        return await work(runner.manager);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    },
    close: async () => {
      await dataSource.destroy();
      await db.drop();
    },
  };
}

/** One recipient's split of a seeded order line. */
export interface SeedSplit {
  recipientId: string;
  amount: number;
  transferStatus?: string;
  transferAmount?: number | null;
}

let sequence = 0;
const next = () => (sequence += 1);

/** Minimal valid rows for the tables repositories point at (users, models, versions, offers, orders). */
export class Seeds {
  constructor(private readonly db: TestDatabase) {}

  async user(change: { roles?: string[] } = {}): Promise<{ id: string; handle: string; email: string }> {
    const n = next();
    const user = {
      id: randomUUID(),
      handle: `user_${n}_${randomUUID().slice(0, 6)}`,
      email: `user${n}.${randomUUID().slice(0, 6)}@example.com`,
    };
    await this.db.query(
      `INSERT INTO identity.user (id, handle, email, display_name, password_hash, roles) VALUES ($1, $2, $3, $4, 'x', $5)`,
      [user.id, user.handle, user.email, `User ${n}`, change.roles ?? []],
    );
    return user;
  }

  async model(ownerId: string, change: { status?: string; at?: Date; name?: string } = {}): Promise<string> {
    const id = randomUUID();
    const at = change.at ?? new Date();
    await this.db.query(
      `INSERT INTO catalog.style_model (id, owner_id, slug, name, type, base_model_id, maturity, status, created_at,
         updated_at, published_at) VALUES ($1, $2, $3, $4, 'LORA', 'sdxl-1.0', 'SFW', $5, $6, $6, $7)`,
      [
        id,
        ownerId,
        `model-${next()}`,
        change.name ?? 'Ink Wash',
        change.status ?? 'PUBLISHED',
        at,
        (change.status ?? 'PUBLISHED') === 'DRAFT' ? null : at,
      ],
    );
    return id;
  }

  async version(
    modelId: string,
    change: { status?: 'DRAFT' | 'PUBLISHED'; access?: 'FREE' | 'LICENSED' } = {},
  ): Promise<string> {
    const id = randomUUID();
    const status = change.status ?? 'PUBLISHED';
    await this.db.query(
      `INSERT INTO catalog.model_version (id, model_id, name, access, status, created_at, updated_at, published_at)
       VALUES ($1, $2, $3, $4, $5, now(), now(), $6)`,
      [id, modelId, `v${next()}`, change.access ?? 'LICENSED', status, status === 'PUBLISHED' ? new Date() : null],
    );
    return id;
  }

  /** A READY model file with the given hashes (random ones by default). */
  async file(
    versionId: string,
    change: { sha256?: string; autov2?: string; scanStatus?: 'PENDING' | 'READY'; createdAt?: Date } = {},
  ): Promise<{ id: string; sha256: string; autov2: string }> {
    const id = randomUUID();
    const sha256 = change.sha256 ?? randomBytes(32).toString('hex');
    const autov2 = change.autov2 ?? sha256.slice(0, 10);
    await this.db.query(
      `INSERT INTO catalog.model_file (id, version_id, role, file_name, format, declared_size, size_bytes, sha256, autov2,
         scan_status, storage_key, created_at, updated_at)
       VALUES ($1, $2, 'MODEL', 'model.safetensors', 'SAFETENSORS', 100, 100, $3, $4, $5, $6, $7, $7)`,
      [id, versionId, sha256, autov2, change.scanStatus ?? 'READY', `models/${id}`, change.createdAt ?? new Date()],
    );
    return { id, sha256, autov2 };
  }

  /** A published model with one published version by a new owner. */
  async publishedVersion(): Promise<{ ownerId: string; modelId: string; versionId: string }> {
    const owner = await this.user();
    const modelId = await this.model(owner.id);
    return { ownerId: owner.id, modelId, versionId: await this.version(modelId) };
  }

  async offer(versionId: string, change: { tier?: string; amount?: number; retired?: boolean } = {}): Promise<string> {
    const id = randomUUID();
    const tier = change.tier ?? 'PERSONAL';
    await this.db.query(
      `INSERT INTO licensing.offer (id, version_id, tier, revision, price_amount, price_currency, permissions,
         terms_text, terms_sha256, created_at, retired_at) VALUES ($1, $2, $3, $7, $4, 'EUR', '{}', 'terms', $5, now(), $6)`,
      [
        id,
        versionId,
        tier,
        change.amount ?? (tier === 'FREE' ? 0 : 1000),
        'a'.repeat(64),
        change.retired ? new Date() : null,
        next(), // revisions are unique per version and tier
      ],
    );
    return id;
  }

  /**
   * An order of 1000 EUR cents (fee 150) with one line and one split per recipient (the seller's by default). Times
   * default to now; `paidAt` makes it paid. `lines` gives an order of several lines instead (each 1000, fee 150).
   */
  async order(change: {
    buyerId: string;
    sellerId: string;
    status?: string;
    paidAt?: Date | null;
    createdAt?: Date;
    chargeId?: string | null;
    currency?: string;
    splits?: SeedSplit[];
    lines?: { sellerId?: string; splits?: SeedSplit[] }[];
  }): Promise<string> {
    const id = randomUUID();
    const createdAt = change.createdAt ?? new Date();
    const paidAt = change.paidAt === undefined ? (change.status === 'PENDING' ? null : createdAt) : change.paidAt;
    const lines = (change.lines ?? [{ splits: change.splits }]).map((line) => ({
      offerId: randomUUID(),
      sellerId: line.sellerId ?? change.sellerId,
      splits: line.splits ?? [{ recipientId: line.sellerId ?? change.sellerId, amount: 850 }],
    }));
    await this.db.query(
      `INSERT INTO commerce."order" (id, buyer_id, offer_ids, item_name, amount, currency, platform_fee, status,
         charge_id, created_at, paid_at, updated_at)
       VALUES ($1, $2, $3, 'Ink Wash v1', $4, $5, $6, $7, $8, $9, $10, $9)`,
      [
        id,
        change.buyerId,
        lines.map((l) => l.offerId).sort(),
        1000 * lines.length,
        change.currency ?? 'EUR',
        150 * lines.length,
        change.status ?? 'PAID',
        change.chargeId ?? null,
        createdAt,
        paidAt,
      ],
    );
    for (const [i, line] of lines.entries()) {
      await this.db.query(
        `INSERT INTO commerce.order_line (id, order_id, position, offer_id, offer_revision, subject_kind, version_id,
           subject_id, seller_id, tier, item_name, amount, platform_fee, platform_fee_bps, paid_at)
         VALUES ($1, $2, $3, $4, 1, 'MODEL', $5, $6, $7, 'PERSONAL', 'Ink Wash v1', 1000, 150, 1500, $8)`,
        [randomUUID(), id, i + 1, line.offerId, randomUUID(), randomUUID(), line.sellerId, paidAt],
      );
      for (const split of line.splits) {
        await this.db.query(
          `INSERT INTO commerce.order_split (order_id, line, recipient_id, role, share_bps, amount, transfer_status,
             transferable_at, transfer_amount, updated_at) VALUES ($1, $2, $3, 'SELLER', 10000, $4, $5, $6, $7, $6)`,
          [
            id,
            i + 1,
            split.recipientId,
            split.amount,
            split.transferStatus ?? 'SCHEDULED',
            createdAt,
            split.transferAmount ?? null,
          ],
        );
      }
    }
    return id;
  }
}
