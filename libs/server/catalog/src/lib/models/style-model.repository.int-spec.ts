import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { PublicProfileView } from '@lookbook/identity';
import { BaseModelEntity } from '../base-models/base-model.entity';
import { StyleModelEntity } from './style-model.entity';
import { StyleModelRepository } from './style-model.repository';

describe('StyleModelRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let models: StyleModelRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([StyleModelEntity, PublicProfileView, BaseModelEntity]);
    models = new StyleModelRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  const model = (ownerId: string, slug: string, change: Partial<StyleModelEntity> = {}): StyleModelEntity => ({
    id: randomUUID(),
    ownerId,
    slug,
    name: 'Ink Wash',
    description: '',
    type: 'LORA',
    baseModelId: 'sdxl-1.0',
    tags: ['ink'],
    maturity: 'SFW',
    status: 'DRAFT',
    createdAt: new Date(),
    updatedAt: new Date(),
    publishedAt: null,
    ...change,
  });

  it('keeps slugs unique per owner as SLUG_TAKEN, on insert and on update', async () => {
    const owner = (await bed.seed.user()).id;
    await models.insert(model(owner, 'ink-wash'));
    await expect(models.insert(model(owner, 'ink-wash'))).rejects.toMatchObject({ code: 'SLUG_TAKEN' });
    await models.insert(model((await bed.seed.user()).id, 'ink-wash')); // another owner may
    const second = model(owner, 'ink-wash-2');
    await models.insert(second);
    await expect(models.update(second.id, { slug: 'ink-wash' })).rejects.toMatchObject({ code: 'SLUG_TAKEN' });
    expect(await models.slugsStartingWith(owner, 'ink-wash')).toEqual(
      expect.arrayContaining(['ink-wash', 'ink-wash-2']),
    );
    expect(await models.slugsStartingWith(owner, 'ink-w')).toEqual([]); // a prefix of a word is not a base
  });

  it('lists with filters, newest first, published only for the public', async () => {
    const owner = (await bed.seed.user()).id;
    const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    const a = model(owner, 'a', { status: 'PUBLISHED', createdAt: t(1), publishedAt: t(1) });
    const b = model(owner, 'b', { status: 'PUBLISHED', type: 'CHECKPOINT', createdAt: t(2), publishedAt: t(2) });
    const c = model(owner, 'c', { createdAt: t(3) });
    for (const m of [a, b, c]) await models.insert(m);
    const ids = async (filter: Partial<Parameters<StyleModelRepository['list']>[0]>) =>
      (await models.list({ publishedOnly: false, ownerId: owner, ...filter }, {}, (m) => m.slug)).nodes;
    expect(await ids({})).toEqual(['c', 'b', 'a']);
    expect(await ids({ publishedOnly: true })).toEqual(['b', 'a']);
    // Public lists run newest *published* first: a model published again later moves up.
    await models.update(a.id, { publishedAt: t(9) });
    expect(await ids({ publishedOnly: true })).toEqual(['a', 'b']);
    expect(await ids({ publishedOnly: true, type: 'LORA' })).toEqual(['a']);
    expect(await ids({ baseModelId: 'flux.1-d' })).toEqual([]);
    expect(await models.owners([a.id, b.id])).toEqual(expect.arrayContaining([{ id: a.id, ownerId: owner }]));
    expect((await models.byIds([])).length).toBe(0);
  });

  it('reads a model with its creator and base model in the same statement', async () => {
    const user = await bed.seed.user();
    const m = model(user.id, 'with-owner', { status: 'PUBLISHED', publishedAt: new Date() });
    await models.insert(m);
    const read = await models.withOwner(m.id);
    expect(read?.owner).toMatchObject({ id: user.id, handle: user.handle });
    expect(read?.baseModel).toMatchObject({ id: m.baseModelId });
    const [listed] = (await models.list({ publishedOnly: false, ownerId: user.id }, {}, (x) => x)).nodes;
    expect(listed?.owner?.handle).toBe(user.handle);
    expect(await models.withOwner(randomUUID())).toBeNull();
  });
});
