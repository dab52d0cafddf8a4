import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { graphqlEnum, SafeIntScalar } from '@lookbook/core';
import type { FileRole, Precision, ScanStatus } from '../files/model-file.entity';
import { KeyValue } from './catalog-versions.objects';
import { FILE_ROLES, PRECISIONS, SCAN_STATUSES } from '../files/model-file.entity';

export const FileRoleEnum = graphqlEnum('FileRole', FILE_ROLES);
export const PrecisionEnum = graphqlEnum('Precision', PRECISIONS);
export const ScanStatusEnum = graphqlEnum('ScanStatus', SCAN_STATUSES);

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
  @Field(() => FileRoleEnum) role!: FileRole;
  @Field() fileName!: string;
  @Field() format!: string;
  @Field(() => PrecisionEnum, { nullable: true }) precision!: Precision | null;
  @Field(() => SafeIntScalar, { description: 'Bytes declared at upload.' }) declaredSize!: number;
  @Field(() => SafeIntScalar, { nullable: true, description: 'Bytes received (set once checked).' }) sizeBytes!:
    number | null;
  @Field(() => String, { nullable: true }) sha256!: string | null;
  @Field(() => String, { nullable: true, description: 'First 10 hex characters of the SHA-256 (Civitai-compatible).' })
  autoV2!: string | null;
  @Field(() => String, { nullable: true }) crc32!: string | null;
  @Field(() => ScanStatusEnum) scanStatus!: ScanStatus;
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
