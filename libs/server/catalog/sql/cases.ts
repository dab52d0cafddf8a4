import type { SqlCaseFile } from '@lookbook/testing';

const identity = (row: unknown) => row;
const slug = (id: string) => `sql-${id.slice(0, 8)}`;

/** The catalog's SQL: models, versions, files, uploads, sample images, base models. See docs/architecture/sql-snapshots.md. */
export default {
  classes: {
    BaseModelRepository: {
      all: () => [],
      byId: (w) => [w.baseModel],
      save: async (w) => [{ ...(await w.load('BaseModelEntity', { id: w.baseModel })), sortOrder: 7 }],
    },
    KnownModelFileRepository: {
      all: () => [],
      byId: (w) => [w.knownFile],
      matching: (w) => [[w.file.sha256], ['style-3-v1.safetensors']],
      save: async (w) => [
        {
          ...(await w.load('KnownModelFileEntity', { id: w.knownFile })),
          id: w.newId(),
          fileName: 'sql-case.safetensors',
          sha256: w.sha256(),
        },
      ],
      remove: (w) => [w.newId()],
    },
    ModelFileRepository: {
      byId: (w) => [w.file.id],
      ofVersion: (w, tx) => [w.version, tx],
      ofVersions: (w) => [[w.version, w.secondVersion]],
      countOfVersion: (w, tx) => [w.version, tx],
      update: (w, tx) => [w.uploadingFile, { updatedAt: w.at }, tx],
      readyByHash: [
        { name: 'SHA-256', args: (w) => ['sha256', w.file.sha256] },
        { name: 'AutoV2', args: (w) => ['autov2', w.file.autov2] },
      ],
      readyMatching: (w) => [[w.file.sha256], ['style-3-v1.safetensors']],
      isBlocked: (w) => [w.file.sha256],
      block: (w) => [w.sha256(), 'Malware found by the scanner', w.at],
    },
    StyleModelRepository: {
      insert: async (w) => {
        const id = w.newId();
        return [{ ...(await w.load('StyleModelEntity', { id: w.model })), id, slug: slug(id), status: 'DRAFT' }];
      },
      update: (w, tx) => [w.model, { updatedAt: w.at }, tx],
      byId: (w) => [w.model],
      withOwner: (w) => [w.model],
      publishedWithOwners: (w) => [[w.model, w.parentModel]],
      byIds: (w) => [[w.model, w.parentModel]],
      forUpdate: (w, tx) => [tx, w.model],
      slugsStartingWith: (w) => [w.creator, 'style-3'],
      owners: (w) => [[w.model, w.parentModel]],
      list: [
        { name: 'published, first page', args: () => [{ publishedOnly: true }, { first: 24 }, identity] },
        {
          name: 'published, every filter',
          args: (w) => [
            { publishedOnly: true, type: 'LORA', baseModelId: w.baseModel, ownerHandle: 'creator-1', tag: 'ink' },
            { first: 24 },
            identity,
          ],
        },
        {
          name: "an owner's, after a cursor",
          args: (w) => [
            { publishedOnly: false, ownerId: w.creator },
            { first: 24, after: w.cursor(w.at, w.model) },
            identity,
          ],
        },
      ],
    },
    ModelVersionRepository: {
      insert: async (w) => {
        const id = w.newId();
        const version = await w.load('ModelVersionEntity', { id: w.version });
        return [
          { ...version, id, name: slug(id), status: 'DRAFT', publishedAt: null },
          [{ versionId: id, parentVersionId: w.parentVersion, relation: 'FINETUNE' }],
        ];
      },
      update: (w, tx) => [w.version, { updatedAt: w.at }, tx],
      byId: (w) => [w.version],
      forUpdate: (w, tx) => [tx, w.version],
      ofModels: [
        { name: 'published', args: (w) => [[w.model, w.parentModel], true] },
        { name: 'every status', args: (w) => [[w.model], false] },
      ],
      bundlesOfModels: [
        {
          name: 'files, samples and parents',
          args: (w) => [[w.model, w.parentModel], { files: true, samples: true, parents: true }],
        },
        { name: 'versions only', args: (w) => [[w.model], { files: false, samples: false, parents: false }] },
      ],
      withModels: (w) => [[w.version, w.parentVersion]],
      parentsOf: (w) => [[w.secondVersion]],
      parentCandidates: (w) => [[w.parentVersion]],
      parentFacts: (w, tx) => [tx, w.secondVersion],
      incrementDownloads: (w) => [w.version],
    },
    SampleImageRepository: {
      countForVersion: (w) => [w.version],
      forVersions: (w) => [[w.version, w.secondVersion]],
      insert: async (w) => [
        { ...(await w.load('SampleImageEntity', { id: w.image })), id: w.newId() },
        [w.parentVersion],
        () => Promise.resolve(),
      ],
      linkedVersions: (w) => [[w.image]],
      versionsByFileHashes: (w) => [[w.file.autov2]],
      unreferencedMediaKeys: () => [['media/nobody.png', 'media/nobody.webp']],
      mediaKeysOfModel: (w) => [w.model],
    },
    UploadRepository: {
      insertWithFile: async (w, tx) => {
        const fileId = w.newId();
        return [
          { ...(await w.load('ModelFileEntity', { id: w.uploadingFile })), id: fileId },
          { ...(await w.load('UploadEntity', { id: w.upload })), id: w.newId(), fileId },
          tx,
        ];
      },
      byId: (w) => [w.upload],
      forUpdate: (w, tx) => [tx, w.upload],
      ofFile: (w) => [w.uploadingFile],
      update: (w, tx) => [w.upload, { updatedAt: w.at }, tx],
      expired: (w) => [w.at, 50],
    },
  },
} satisfies SqlCaseFile;
