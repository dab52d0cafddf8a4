import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, SafeIntScalar, UUIDScalar } from '@lookbook/core';

export enum ModelTypeValue {
  LORA = 'LORA',
  LOCON = 'LOCON',
  DORA = 'DORA',
  CHECKPOINT = 'CHECKPOINT',
  TEXTUAL_INVERSION = 'TEXTUAL_INVERSION',
  HYPERNETWORK = 'HYPERNETWORK',
  CONTROLNET = 'CONTROLNET',
  VAE = 'VAE',
  UPSCALER = 'UPSCALER',
  OTHER = 'OTHER',
}
export enum MaturityValue {
  SFW = 'SFW',
  SUGGESTIVE = 'SUGGESTIVE',
  MATURE = 'MATURE',
  EXPLICIT = 'EXPLICIT',
}
export enum ModelStatusValue {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  UNPUBLISHED = 'UNPUBLISHED',
  ARCHIVED = 'ARCHIVED',
  TAKEN_DOWN = 'TAKEN_DOWN',
}
export enum VersionStatusValue {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
export enum VersionAccessValue {
  FREE = 'FREE',
  LICENSED = 'LICENSED',
}
export enum ParentRelationValue {
  MERGE = 'MERGE',
  FINETUNE = 'FINETUNE',
  ADAPTER = 'ADAPTER',
  REMIX = 'REMIX',
}
export enum FileRoleValue {
  MODEL = 'MODEL',
  VAE = 'VAE',
  CONFIG = 'CONFIG',
  TRAINING_DATA = 'TRAINING_DATA',
}
export enum PrecisionValue {
  FP32 = 'FP32',
  FP16 = 'FP16',
  BF16 = 'BF16',
  FP8 = 'FP8',
  MIXED = 'MIXED',
  OTHER = 'OTHER',
}
export enum ScanStatusValue {
  UPLOADING = 'UPLOADING',
  PENDING = 'PENDING',
  READY = 'READY',
  REJECTED = 'REJECTED',
}
registerEnumType(ModelTypeValue, { name: 'ModelType' });
registerEnumType(MaturityValue, { name: 'Maturity' });
registerEnumType(ModelStatusValue, { name: 'ModelStatus' });
registerEnumType(VersionStatusValue, { name: 'VersionStatus' });
registerEnumType(VersionAccessValue, {
  name: 'VersionAccess',
  description: 'FREE: anyone may download once published. LICENSED: buyers with a licence.',
});
registerEnumType(ParentRelationValue, { name: 'ParentRelation' });
registerEnumType(FileRoleValue, { name: 'FileRole' });
registerEnumType(PrecisionValue, { name: 'Precision' });
registerEnumType(ScanStatusValue, { name: 'ScanStatus' });

@ObjectType()
export class BaseModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() ecosystem!: string;
  @Field() licenseName!: string;
  @Field({ description: 'Derivatives of a non-commercial base model cannot be sold for commercial use.' })
  nonCommercial!: boolean;
}

@ObjectType({ description: 'The creator of a model (public profile fields).' })
export class ModelOwner {
  @Field(() => ID) id!: string;
  @Field() handle!: string;
  @Field() displayName!: string;
}

@ObjectType()
export class KeyValue {
  @Field() key!: string;
  @Field() value!: string;
}

@ObjectType()
export class TagCount {
  @Field() tag!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Training details read from the file (kohya-ss / ModelSpec metadata).' })
export class TrainingMetadata {
  @Field(() => String, { nullable: true }) trainer!: string | null;
  @Field(() => String, { nullable: true }) architecture!: string | null;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => String, { nullable: true }) baseModel!: string | null;
  @Field(() => String, { nullable: true }) baseModelVersion!: string | null;
  @Field(() => String, { nullable: true }) networkModule!: string | null;
  @Field(() => Float, { nullable: true }) networkDim!: number | null;
  @Field(() => Float, { nullable: true }) networkAlpha!: number | null;
  @Field(() => String, { nullable: true }) resolution!: string | null;
  @Field(() => Float, { nullable: true }) epochs!: number | null;
  @Field(() => Float, { nullable: true }) steps!: number | null;
  @Field(() => Float, { nullable: true }) trainImages!: number | null;
  @Field(() => Float, { nullable: true }) learningRate!: number | null;
  @Field(() => String, { nullable: true }) triggerPhrase!: string | null;
  @Field(() => [TagCount]) topTags!: TagCount[];
}

@ObjectType()
export class FileUpload {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Bytes per part; the last part holds the rest.' }) partSize!: number;
  @Field(() => Int) partCount!: number;
  @Field() status!: string;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
}

@ObjectType()
export class ModelFile {
  @Field(() => ID) id!: string;
  @Field(() => FileRoleValue) role!: FileRoleValue;
  @Field() fileName!: string;
  @Field() format!: string;
  @Field(() => PrecisionValue, { nullable: true }) precision!: PrecisionValue | null;
  @Field(() => SafeIntScalar, { description: 'Bytes declared at upload.' }) declaredSize!: number;
  @Field(() => SafeIntScalar, { nullable: true, description: 'Bytes received (set once checked).' }) sizeBytes!:
    number | null;
  @Field(() => String, { nullable: true }) sha256!: string | null;
  @Field(() => String, { nullable: true, description: 'First 10 hex characters of the SHA-256 (Civitai-compatible).' })
  autoV2!: string | null;
  @Field(() => String, { nullable: true }) crc32!: string | null;
  @Field(() => ScanStatusValue) scanStatus!: ScanStatusValue;
  @Field(() => String, {
    nullable: true,
    description: 'Typed reason, e.g. PICKLE_FORMAT, INVALID_OFFSETS, BLOCKED_HASH.',
  })
  rejectionReason!: string | null;
  @Field(() => String, { nullable: true }) rejectionMessage!: string | null;
  @Field(() => Int, { nullable: true }) tensorCount!: number | null;
  @Field(() => [KeyValue], { description: 'The file’s own __metadata__ strings.' }) headerMetadata!: KeyValue[];
  @Field(() => TrainingMetadata, { nullable: true }) trainingMetadata!: TrainingMetadata | null;
}

@ObjectType({ description: 'A model a sample image was made with, as its generation metadata names it.' })
export class GenerationResource {
  @Field({
    description:
      'checkpoint, lora, embedding, vae, controlnet, diffusion_model, text_encoder, clip_vision, style_model, gligen, ' +
      'upscaler, hypernetwork or other.',
  })
  kind!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) hash!: string | null;
  @Field(() => Float, { nullable: true }) weight!: number | null;
}

@ObjectType({ description: 'How a sample image was made, parsed from its embedded metadata.' })
export class GenerationInfo {
  @Field() tool!: string;
  @Field(() => String, { nullable: true }) prompt!: string | null;
  @Field(() => String, { nullable: true }) negativePrompt!: string | null;
  @Field(() => Int, { nullable: true }) steps!: number | null;
  @Field(() => String, { nullable: true }) sampler!: string | null;
  @Field(() => String, { nullable: true }) scheduler!: string | null;
  @Field(() => Float, { nullable: true }) cfgScale!: number | null;
  @Field(() => Float, { nullable: true, description: 'Flux guidance (FluxGuidance), when the graph has it.' })
  guidance!: number | null;
  @Field(() => Float, { nullable: true }) denoise!: number | null;
  @Field(() => String, { nullable: true }) seed!: string | null;
  @Field(() => Int, { nullable: true }) width!: number | null;
  @Field(() => Int, { nullable: true }) height!: number | null;
  @Field(() => [GenerationResource]) resources!: GenerationResource[];
}

@ObjectType()
export class Thumbnail {
  @Field(() => Int) width!: number;
  @Field() url!: string;
}

@ObjectType()
export class SampleImage {
  @Field(() => ID) id!: string;
  @Field() contentType!: string;
  @Field(() => Int) width!: number;
  @Field(() => Int) height!: number;
  @Field() url!: string;
  @Field(() => [Thumbnail]) thumbnails!: Thumbnail[];
  @Field(() => GenerationInfo, { nullable: true }) generation!: GenerationInfo | null;
  @Field(() => [ID], { description: 'Catalog versions credited automatically from resource hashes in the image.' })
  linkedVersionIds!: string[];
}

@ObjectType()
export class VersionParent {
  @Field(() => ID) versionId!: string;
  @Field(() => ParentRelationValue) relation!: ParentRelationValue;
}

@ObjectType()
export class ModelVersion {
  @Field(() => ID) id!: string;
  @Field(() => ID) modelId!: string;
  @Field() name!: string;
  @Field() changelog!: string;
  @Field(() => [String]) triggerWords!: string[];
  @Field(() => [KeyValue]) recommendedSettings!: KeyValue[];
  @Field(() => VersionAccessValue, {
    description: 'FREE while the version has a live FREE licence offer (anyone may download it); LICENSED otherwise.',
  })
  access!: VersionAccessValue;
  @Field(() => VersionStatusValue) status!: VersionStatusValue;
  @Field(() => SafeIntScalar) downloadCount!: number;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt!: Date | null;
}

@ObjectType()
export class StyleModel {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field(() => ModelTypeValue) type!: ModelTypeValue;
  @Field(() => ID) baseModelId!: string;
  @Field(() => [String]) tags!: string[];
  @Field(() => MaturityValue) maturity!: MaturityValue;
  @Field(() => ModelStatusValue) status!: ModelStatusValue;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt!: Date | null;
  ownerId!: string;
}

@ObjectType()
export class CreatedUpload {
  @Field(() => ModelFile) file!: ModelFile;
  @Field(() => FileUpload) upload!: FileUpload;
}

@ObjectType()
export class PartUrl {
  @Field(() => Int) partNumber!: number;
  @Field() url!: string;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
}

@ObjectType()
export class UploadedPart {
  @Field(() => Int) partNumber!: number;
  @Field() etag!: string;
  @Field(() => SafeIntScalar) size!: number;
}

@ObjectType()
export class DownloadLink {
  @Field({ description: 'Presigned URL, valid 5 minutes, supports HTTP Range for resuming.' }) url!: string;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field() fileName!: string;
  @Field() sha256!: string;
  @Field(() => SafeIntScalar) sizeBytes!: number;
}

export const StyleModelConnection = Connection(StyleModel, 'StyleModel');

// Inputs. Lengths and formats are checked by the services, which answer with typed errors.
@InputType()
export class KeyValueInput {
  @Field() key!: string;
  @Field() value!: string;
}

@InputType()
export class CreateStyleModelInput {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) slug?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ModelTypeValue) type!: ModelTypeValue;
  @Field(() => ID) baseModelId!: string;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => MaturityValue) maturity!: MaturityValue;
}

@InputType()
export class UpdateStyleModelInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) slug?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ModelTypeValue, { nullable: true }) type?: ModelTypeValue | null;
  @Field(() => ID, { nullable: true }) baseModelId?: string | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => MaturityValue, { nullable: true }) maturity?: MaturityValue | null;
}

@InputType()
export class VersionParentInput {
  @Field(() => UUIDScalar) versionId!: string;
  @Field(() => ParentRelationValue) relation!: ParentRelationValue;
}

@InputType()
export class CreateModelVersionInput {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) changelog?: string | null;
  @Field(() => [String], { nullable: true }) triggerWords?: string[] | null;
  @Field(() => [KeyValueInput], { nullable: true }) recommendedSettings?: KeyValueInput[] | null;
  @Field(() => [VersionParentInput], { nullable: true, description: 'Versions this one merges or fine-tunes.' })
  parents?: VersionParentInput[] | null;
}

@InputType()
export class UpdateModelVersionInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) changelog?: string | null;
  @Field(() => [String], { nullable: true }) triggerWords?: string[] | null;
  @Field(() => [KeyValueInput], { nullable: true }) recommendedSettings?: KeyValueInput[] | null;
}

@InputType()
export class CreateUploadInput {
  @Field() fileName!: string;
  @Field(() => SafeIntScalar, { description: 'Exact size in bytes.' }) size!: number;
  @Field(() => String, { nullable: true, description: 'Optional SHA-256: the file is rejected if the bytes differ.' })
  sha256?: string | null;
  @Field(() => FileRoleValue, { nullable: true }) role?: FileRoleValue | null;
  @Field(() => PrecisionValue, { nullable: true }) precision?: PrecisionValue | null;
}

@InputType()
export class BaseModelInput {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() ecosystem!: string;
  @Field() licenseName!: string;
  @Field() nonCommercial!: boolean;
  @Field(() => Int, { nullable: true }) sortOrder?: number | null;
}

@InputType()
export class StyleModelFilter {
  @Field(() => UUIDScalar, { nullable: true, description: 'Only this creator’s models (your own include drafts).' })
  ownerId?: string | null;
  @Field(() => ModelTypeValue, { nullable: true }) type?: ModelTypeValue | null;
  @Field(() => ID, { nullable: true }) baseModelId?: string | null;
}
