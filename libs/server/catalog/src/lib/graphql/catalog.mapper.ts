import type { WithCompanions } from '@lookbook/core';
import { preload, ReadCompanions } from '@lookbook/core';
import type { BaseModelEntity } from '../base-models/base-model.entity';
import type { KnownModelFileEntity } from '../base-models/known-model-file.entity';
import type { PublishedLicense as PublishedLicenseFacts } from '../base-models/known-model-file.service';
import { licenseOf } from '../base-models/known-model-file.service';
import { KnownModelFile, PublishedLicense } from './catalog-known-files.objects';
import type { ModelFileEntity } from '../files/model-file.entity';
import type { ModelVersionEntity, VersionParentEntity } from '../versions/model-version.entity';
import type { VersionBundle } from '../versions/model-version.repository';
import type { SampleImageEntity } from '../samples/sample-image.entity';
import type { StyleModelEntity } from '../models/style-model.entity';
import { MODEL_TABLE } from '../models/style-model.entity';
import type { UploadEntity } from '../uploads/upload.entity';
import { BaseModel, ModelOwner, StyleModel } from './catalog-models.objects';
import { FileUpload, ModelFile } from './catalog-files.objects';
import { SampleImage } from './catalog-samples.objects';
import { KeyValue, ModelVersion, VersionParent } from './catalog-versions.objects';

const keyValues = (record: Record<string, string | number | boolean> | null): KeyValue[] =>
  Object.entries(record ?? {}).map(([key, value]) => Object.assign(new KeyValue(), { key, value: String(value) }));

export const toBaseModel = (b: BaseModelEntity): BaseModel =>
  Object.assign(new BaseModel(), {
    id: b.id,
    name: b.name,
    ecosystem: b.ecosystem,
    licenseName: b.licenseName,
    licenseUrl: b.licenseUrl,
    licenseConditions: b.licenseConditions,
    nonCommercial: b.nonCommercial,
  });

export const toPublishedLicense = (l: PublishedLicenseFacts): PublishedLicense =>
  Object.assign(new PublishedLicense(), l);

export const toKnownModelFile = (k: KnownModelFileEntity): KnownModelFile =>
  Object.assign(new KnownModelFile(), {
    id: k.id,
    fileName: k.fileName,
    sha256: k.sha256,
    kind: k.kind,
    title: k.title,
    baseModel: k.baseModel ? toBaseModel(k.baseModel) : null,
    license: toPublishedLicense(licenseOf(k)),
    sourceUrl: k.sourceUrl,
  });

/** A model read with its owner and base model (one statement) carries them: their field resolvers are skipped. */
export const toStyleModel = (m: WithCompanions<StyleModelEntity>): StyleModel => {
  const model = Object.assign(new StyleModel(), {
    id: m.id,
    slug: m.slug,
    name: m.name,
    description: m.description,
    type: m.type,
    baseModelId: m.baseModelId,
    tags: m.tags,
    maturity: m.maturity,
    status: m.status,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    publishedAt: m.publishedAt,
    ownerId: m.ownerId,
  });
  // Fields other domains answered in the same statement (counts, the viewer's like): their resolvers are skipped.
  if (m.companions) preload(model, ReadCompanions.fieldsOf(MODEL_TABLE, m.companions));
  if (m.owner === undefined || !m.baseModel) return model;
  const owner =
    m.owner &&
    Object.assign(new ModelOwner(), { id: m.owner.id, handle: m.owner.handle, displayName: m.owner.displayName });
  return preload(model, { owner, baseModel: toBaseModel(m.baseModel) });
};

export const toModelVersion = (v: ModelVersionEntity): ModelVersion =>
  Object.assign(new ModelVersion(), {
    id: v.id,
    modelId: v.modelId,
    name: v.name,
    changelog: v.changelog,
    triggerWords: v.triggerWords,
    recommendedSettings: keyValues(v.recommendedSettings),
    access: v.access,
    status: v.status,
    downloadCount: v.downloadCount,
    createdAt: v.createdAt,
    publishedAt: v.publishedAt,
  });

export const toModelFile = (f: ModelFileEntity): ModelFile =>
  Object.assign(new ModelFile(), {
    id: f.id,
    role: f.role,
    fileName: f.fileName,
    format: f.format,
    precision: f.precision,
    declaredSize: f.declaredSize,
    sizeBytes: f.sizeBytes,
    sha256: f.sha256,
    autoV2: f.autov2,
    crc32: f.crc32,
    scanStatus: f.scanStatus,
    rejectionReason: f.rejectionReason,
    rejectionMessage: f.rejectionMessage,
    tensorCount: f.tensorCount,
    headerMetadata: keyValues(f.headerMetadata),
    trainingMetadata: f.trainingMetadata,
  });

export const toFileUpload = (u: UploadEntity): FileUpload =>
  Object.assign(new FileUpload(), {
    id: u.id,
    partSize: u.partSize,
    partCount: u.partCount,
    status: u.status,
    expiresAt: u.expiresAt,
  });

/** `mediaUrl` turns a public media key into its stable URL (string work only: no signing on the read path). */
export const toSampleImage = (
  image: SampleImageEntity,
  mediaUrl: (key: string) => string,
  linkedVersionIds: string[],
): SampleImage =>
  Object.assign(new SampleImage(), {
    id: image.id,
    contentType: image.contentType,
    width: image.width,
    height: image.height,
    url: mediaUrl(image.storageKey),
    thumbnails: image.thumbnails.map((t) => ({ width: t.width, height: t.height, url: mediaUrl(t.key) })),
    placeholder: image.placeholder,
    generation: image.generation,
    linkedVersionIds,
  });

export const toVersionParent = (p: VersionParentEntity): VersionParent =>
  Object.assign(new VersionParent(), { versionId: p.parentVersionId, relation: p.relation });

/** A version read in a bundle carries the children the page asked for: their field resolvers are skipped. */
export const toBundledVersion = (
  { version, files, samples, parents }: VersionBundle,
  mediaUrl: (key: string) => string,
): ModelVersion =>
  preload(toModelVersion(version), {
    ...(files && { files: files.map(toModelFile) }),
    ...(samples && {
      sampleImages: samples.map(({ image, linkedVersionIds }) => toSampleImage(image, mediaUrl, linkedVersionIds)),
    }),
    ...(parents && { parents: parents.map(toVersionParent) }),
  });
