import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { BlockedHashEntity } from './blocked-hash.entity';
import { ModelFileEntity } from './model-file.entity';
import { ModelFileRepository } from './model-file.repository';

describe('ModelFileRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let files: ModelFileRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([ModelFileEntity, BlockedHashEntity]);
    files = new ModelFileRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  it('finds READY files by SHA-256 or AutoV2, oldest first, and never a file still being checked', async () => {
    const { versionId } = await bed.seed.publishedVersion();
    const other = (await bed.seed.publishedVersion()).versionId;
    const first = await bed.seed.file(versionId, { createdAt: new Date(Date.now() - 60_000) });
    const copy = await bed.seed.file(other, { sha256: first.sha256 });
    const pending = await bed.seed.file(other, { scanStatus: 'PENDING' });
    await bed.db.query(`UPDATE catalog.model_file SET sha256 = $2 WHERE id = $1`, [pending.id, first.sha256]);
    expect((await files.readyByHash('sha256', first.sha256)).map((f) => f.id)).toEqual([first.id, copy.id]);
    expect((await files.readyByHash('autov2', first.autov2)).map((f) => f.id)).toEqual([first.id, copy.id]);
    expect((await files.ofVersions([versionId, other])).map((f) => f.id)).toEqual([first.id, copy.id, pending.id]);
    expect(await bed.dataSource.transaction((m) => files.countOfVersion(other, m))).toBe(2);
  });

  it('blocks a hash once (blocking again updates the reason)', async () => {
    const sha = 'f'.repeat(64);
    expect(await files.isBlocked(sha)).toBe(false);
    await files.block(sha, 'takedown', new Date());
    await files.block(sha, 'takedown (counter-notice rejected)', new Date());
    expect(await files.isBlocked(sha)).toBe(true);
    expect(await bed.db.query(`SELECT reason FROM catalog.blocked_hash WHERE sha256 = $1`, [sha])).toEqual([
      { reason: 'takedown (counter-notice rejected)' },
    ]);
  });

  it('refuses a READY file without its hash (the database keeps the rule too)', async () => {
    const { versionId } = await bed.seed.publishedVersion();
    const file = await bed.seed.file(versionId);
    await expect(files.update(file.id, { sha256: null })).rejects.toThrow(/check constraint/);
    expect((await files.byId(file.id))!.sha256).toBe(file.sha256);
  });
});
