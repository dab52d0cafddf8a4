import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { SubjectRepository } from './subject.repository';

describe('SubjectRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let subjects: SubjectRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    subjects = new SubjectRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  const image = async (versionId: string) => {
    const id = randomUUID();
    await bed.db.query(
      `INSERT INTO catalog.sample_image (id, version_id, content_type, width, height, byte_size, storage_key, created_at)
       VALUES ($1, $2, 'image/png', 10, 10, 100, 'media/x.png', now())`,
      [id, versionId],
    );
    return id;
  };
  const template = async (ownerId: string, status: string) => {
    const id = randomUUID();
    await bed.db.query(
      `INSERT INTO templates.template (id, owner_id, slug, name, status, created_at, updated_at)
       VALUES ($1, $2, $3, 'Portrait kit', $4, now(), now())`,
      [id, ownerId, `t-${id.slice(0, 8)}`, status],
    );
    return id;
  };

  it('finds public subjects with their owner, and nothing for drafts, hidden versions or unknown ids', async () => {
    const { ownerId, modelId, versionId } = await bed.seed.publishedVersion();
    const draftModel = await bed.seed.model(ownerId, { status: 'DRAFT' });
    const draftVersion = await bed.seed.version(modelId, { status: 'DRAFT' });
    const shown = await image(versionId);
    const hidden = await image(draftVersion);
    const published = await template(ownerId, 'PUBLISHED');
    const takenDown = await template(ownerId, 'TAKEN_DOWN');
    const ip = randomUUID();
    await bed.db.query(
      `INSERT INTO templates.intellectual_property (id, owner_id, name, kind, created_at)
       VALUES ($1, $2, 'Moonfolk', 'FRANCHISE', now())`,
      [ip, ownerId],
    );

    for (const [kind, id] of [
      ['MODEL', modelId],
      ['IMAGE', shown],
      ['TEMPLATE', published],
      ['IP', ip],
      ['USER', ownerId],
    ] as const)
      expect(await subjects.publicSubject(kind, id)).toEqual({ kind, id, ownerId });
    for (const [kind, id] of [
      ['MODEL', draftModel],
      ['IMAGE', hidden],
      ['TEMPLATE', takenDown],
      ['MODEL', published], // a template id asked as a model
      ['USER', randomUUID()],
      ['IP', randomUUID()],
    ] as const)
      expect(await subjects.publicSubject(kind, id)).toBeNull();
    // Any status: the owner of an item whatever became of it (a like taken back after a takedown).
    expect(await subjects.publicSubject('TEMPLATE', takenDown, true)).toEqual({
      kind: 'TEMPLATE',
      id: takenDown,
      ownerId,
    });
    expect(await subjects.publicSubject('IMAGE', hidden, true)).toEqual({ kind: 'IMAGE', id: hidden, ownerId });
  });
});
