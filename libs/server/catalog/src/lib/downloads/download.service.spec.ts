import type { Actor } from '@lookbook/core';
import { APP_CONFIG, Clock } from '@lookbook/core';
import { DomainError, NotFoundError, UnavailableError } from '@lookbook/kernel';
import type { ObjectStorage } from '@lookbook/storage';
import { OBJECT_STORAGE } from '@lookbook/storage';
import { anActor, FakeClock, newTestService, testConfig } from '@lookbook/testing';
import type { ModelFileEntity } from '../files/model-file.entity';
import { ModelFileRepository } from '../files/model-file.repository';
import type { ModelStatus } from '../models/model-status';
import type { StyleModelEntity } from '../models/style-model.entity';
import { StyleModelRepository } from '../models/style-model.repository';
import { isVisibleVersion } from '../models/visibility';
import { CatalogPolicies } from '../policies/catalog-policies';
import type { ModelVersionEntity } from '../versions/model-version.entity';
import { ModelVersionRepository } from '../versions/model-version.repository';
import { ModelVersionService } from '../versions/model-version.service';
import { DOWNLOAD_TTL_SECONDS, DownloadService } from './download.service';

const now = new Date('2026-08-01T12:00:00.000Z');
const OWNER = 'ada';
const SHA = 'a'.repeat(64);
const config = testConfig({ S3_WEIGHTS_BUCKET: 'weights-test' });

const aFile = (change: Partial<ModelFileEntity> = {}) =>
  ({
    id: 'f1',
    versionId: 'v1',
    fileName: 'ink-wash.safetensors',
    scanStatus: 'READY',
    storageKey: 'weights/v1/f1',
    sha256: SHA,
    autov2: SHA.slice(0, 10),
    sizeBytes: 144_000_000,
    ...change,
  }) as ModelFileEntity;
const aVersion = (change: Partial<ModelVersionEntity> = {}) =>
  ({ id: 'v1', modelId: 'm1', status: 'PUBLISHED', access: 'LICENSED', ...change }) as ModelVersionEntity;
const aModel = (status: ModelStatus = 'PUBLISHED') => ({ id: 'm1', ownerId: OWNER, status }) as StyleModelEntity;

interface World {
  file?: ModelFileEntity | null;
  version?: ModelVersionEntity;
  model?: StyleModelEntity;
  /** Who holds a licence covering the file. */
  licensees?: string[];
}

function setUp({ file = aFile(), version = aVersion(), model = aModel(), licensees = [] }: World = {}) {
  const { sut, mock } = newTestService(DownloadService, [
    [APP_CONFIG, config],
    [Clock, new FakeClock(now)],
  ]);
  const files = mock(ModelFileRepository);
  files.byId.mockResolvedValue(file);
  const versionRows = mock(ModelVersionRepository);
  versionRows.byId.mockResolvedValue(version);
  versionRows.incrementDownloads.mockResolvedValue(undefined);
  mock(StyleModelRepository).byId.mockResolvedValue(model);
  // The version service's visibility, with the real rule.
  const versions = mock(ModelVersionService);
  versions.visibleVersion.mockImplementation((viewer: Actor | undefined) =>
    isVisibleVersion({ version, model }, viewer)
      ? Promise.resolve({ version, model })
      : Promise.reject(new NotFoundError('VERSION_NOT_FOUND', 'Model version not found')),
  );
  const policies = mock(CatalogPolicies);
  policies.canDownload.mockImplementation((actor: Actor) => Promise.resolve(licensees.includes(actor.userId)));
  const storage = mock<ObjectStorage>(OBJECT_STORAGE);
  storage.presignGet.mockImplementation((bucket: string, key: string) =>
    Promise.resolve(`https://s3/${bucket}/${key}?sig`),
  );
  return { sut, files, versionRows, versions, policies, storage };
}
const codeOf = (run: Promise<unknown>) =>
  run.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );
const visitor = undefined;
const buyer = anActor('buyer');
const stranger = anActor('eve');

describe('download links: who may download what', () => {
  it('mints a short-lived link to the file, named for the download, and counts the download', async () => {
    const { sut, storage, versionRows } = setUp({ version: aVersion({ access: 'FREE' }) });
    await expect(sut.link(visitor, 'f1')).resolves.toEqual({
      url: 'https://s3/weights-test/weights/v1/f1?sig',
      expiresAt: new Date(now.getTime() + DOWNLOAD_TTL_SECONDS * 1000),
      fileName: 'ink-wash.safetensors',
      sha256: SHA,
      sizeBytes: 144_000_000,
    });
    expect(storage.presignGet).toHaveBeenCalledWith('weights-test', 'weights/v1/f1', {
      ttlSeconds: 300,
      downloadName: 'ink-wash.safetensors',
      contentType: 'application/octet-stream',
    });
    expect(versionRows.incrementDownloads).toHaveBeenCalledWith('v1');
  });

  it.each<[string, string, Actor | undefined, World]>([
    ['anyone, a free published version', 'ok', visitor, { version: aVersion({ access: 'FREE' }) }],
    ['the owner, a licensed version', 'ok', anActor(OWNER), {}],
    ['the owner, their own draft', 'ok', anActor(OWNER), { version: aVersion({ status: 'DRAFT' }) }],
    ['a licensee, a licensed version', 'ok', buyer, { licensees: ['buyer'] }],
    ['a visitor, a licensed version', 'UNAUTHENTICATED', visitor, {}],
    ['a stranger, a licensed version', 'LICENSE_REQUIRED', stranger, {}],
    [
      'a stranger, a free version of an unpublished model',
      'FILE_NOT_FOUND',
      stranger,
      { version: aVersion({ access: 'FREE' }), model: aModel('UNPUBLISHED') },
    ],
    ['a stranger, a draft version', 'FILE_NOT_FOUND', stranger, { version: aVersion({ status: 'DRAFT' }) }],
    [
      'a licensee, a version of an unpublished model (buyers keep what they paid for)',
      'ok',
      buyer,
      { model: aModel('UNPUBLISHED'), licensees: ['buyer'] },
    ],
    ['a licensee, a version of an archived model', 'ok', buyer, { model: aModel('ARCHIVED'), licensees: ['buyer'] }],
    [
      'a licensee, a version of a taken-down model',
      'FILE_NOT_FOUND',
      buyer,
      { model: aModel('TAKEN_DOWN'), licensees: ['buyer'] },
    ],
    [
      'a licensee, a draft version of an unpublished model',
      'FILE_NOT_FOUND',
      buyer,
      { version: aVersion({ status: 'DRAFT' }), model: aModel('UNPUBLISHED'), licensees: ['buyer'] },
    ],
    ['a visitor, a version of an unpublished model', 'FILE_NOT_FOUND', visitor, { model: aModel('UNPUBLISHED') }],
    [
      'a moderator, a licensed version (staff see, they do not download)',
      'LICENSE_REQUIRED',
      anActor('mod', ['moderator']),
      {},
    ],
  ])('%s: %s', async (_name, outcome, viewer, world) => {
    const { sut, storage, versionRows } = setUp(world);
    expect(await codeOf(sut.link(viewer, 'f1'))).toBe(outcome);
    expect(storage.presignGet).toHaveBeenCalledTimes(outcome === 'ok' ? 1 : 0);
    expect(versionRows.incrementDownloads).toHaveBeenCalledTimes(outcome === 'ok' ? 1 : 0);
  });

  it('asks the licensing policy about this exact file', async () => {
    const { sut, policies } = setUp({ licensees: ['buyer'] });
    await sut.link(buyer, 'f1');
    expect(policies.canDownload).toHaveBeenCalledWith(buyer, { modelId: 'm1', versionId: 'v1', fileSha256: SHA });
  });

  it('does not ask the licensing policy for a free file or the owner', async () => {
    const free = setUp({ version: aVersion({ access: 'FREE' }) });
    await free.sut.link(stranger, 'f1');
    expect(free.policies.canDownload).not.toHaveBeenCalled();
    const own = setUp();
    await own.sut.link(anActor(OWNER), 'f1');
    expect(own.policies.canDownload).not.toHaveBeenCalled();
  });

  it.each<[string, Partial<ModelFileEntity>]>([
    ['still being checked', { scanStatus: 'PENDING' }],
    ['rejected', { scanStatus: 'REJECTED' }],
    ['without stored bytes', { storageKey: null }],
    ['without a hash', { sha256: null }],
  ])('refuses a file %s (FILE_NOT_READY), even to its owner', async (_name, change) => {
    const { sut, storage } = setUp({ file: aFile(change), version: aVersion({ access: 'FREE' }) });
    expect(await codeOf(sut.link(anActor(OWNER), 'f1'))).toBe('FILE_NOT_READY');
    expect(storage.presignGet).not.toHaveBeenCalled();
  });

  it('answers a missing file as not found', async () => {
    const { sut, versions } = setUp({ file: null });
    expect(await codeOf(sut.link(anActor(OWNER), 'nope'))).toBe('FILE_NOT_FOUND');
    expect(versions.visibleVersion).not.toHaveBeenCalled();
  });

  it('lets an outage surface as one, not as "not found" or a licensee check', async () => {
    const { sut, versions, policies } = setUp();
    versions.visibleVersion.mockRejectedValue(new UnavailableError('DATABASE_UNAVAILABLE', 'down'));
    expect(await codeOf(sut.link(buyer, 'f1'))).toBe('DATABASE_UNAVAILABLE');
    expect(policies.canDownload).not.toHaveBeenCalled();
  });

  it('reports a size of 0 for a file whose size is unknown', async () => {
    const { sut } = setUp({ file: aFile({ sizeBytes: null }), version: aVersion({ access: 'FREE' }) });
    expect((await sut.link(visitor, 'f1')).sizeBytes).toBe(0);
  });
});

describe('finding files by hash', () => {
  function withRows(rows: { version: ModelVersionEntity; model: StyleModelEntity }[], found: ModelFileEntity[]) {
    const world = setUp();
    world.files.readyByHash.mockResolvedValue(found);
    world.versionRows.withModels.mockResolvedValue(rows);
    return world;
  }

  it.each<[string, string, 'sha256' | 'autov2', string]>([
    ['a SHA-256', SHA, 'sha256', SHA],
    ['an upper-case SHA-256 with spaces', `  ${SHA.toUpperCase()} `, 'sha256', SHA],
    ['an AutoV2 hash', 'ABCDEF0123', 'autov2', 'abcdef0123'],
  ])('looks up %s in its column', async (_name, raw, column, hash) => {
    const { sut, files } = withRows([], []);
    await expect(sut.byHash(undefined, raw)).resolves.toEqual([]);
    expect(files.readyByHash).toHaveBeenCalledWith(column, hash);
  });

  it.each([[''], ['abc'], ['g'.repeat(64)], ['a'.repeat(63)], ['a'.repeat(11)], ['a'.repeat(65)]])(
    'refuses %j (INVALID_HASH) without a lookup',
    async (raw) => {
      const { sut, files } = withRows([], []);
      expect(await codeOf(sut.byHash(undefined, raw))).toBe('INVALID_HASH');
      expect(files.readyByHash).not.toHaveBeenCalled();
    },
  );

  it('returns only the versions the viewer may see, in the files’ order', async () => {
    const rows = [
      { version: aVersion({ id: 'v-pub' }), model: aModel() },
      { version: aVersion({ id: 'v-draft', status: 'DRAFT' }), model: aModel() },
      { version: aVersion({ id: 'v-hidden' }), model: aModel('UNPUBLISHED') },
    ];
    const found = [
      aFile({ id: 'f3', versionId: 'v-hidden' }),
      aFile({ id: 'f2', versionId: 'v-draft' }),
      aFile({ id: 'f1', versionId: 'v-pub' }),
      aFile({ id: 'f0', versionId: 'v-gone' }),
    ];
    const visitorView = withRows(rows, found);
    expect((await visitorView.sut.byHash(undefined, SHA)).map((m) => m.file.id)).toEqual(['f1']);
    expect(visitorView.versionRows.withModels).toHaveBeenCalledWith(['v-hidden', 'v-draft', 'v-pub', 'v-gone']);
    const ownerView = withRows(rows, found);
    expect((await ownerView.sut.byHash(anActor(OWNER), SHA)).map((m) => m.file.id)).toEqual(['f3', 'f2', 'f1']);
  });
});
