import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { SafeIntScalar, UUIDScalar } from '@lookbook/core';
import type { FileRole, Precision } from '../files/model-file.entity';
import type { MaturityLevel, ModelType } from '../models/style-model.entity';
import type { ParentRelation } from '../versions/model-version.entity';
import { FileRoleEnum, PrecisionEnum } from './catalog-files.objects';
import { MaturityEnum, ModelTypeEnum } from './catalog-models.objects';
import { ParentRelationEnum } from './catalog-versions.objects';

// Lengths and formats are checked by the services, which answer with typed errors.

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
  @Field(() => ModelTypeEnum) type!: ModelType;
  @Field(() => ID) baseModelId!: string;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => MaturityEnum) maturity!: MaturityLevel;
}

@InputType()
export class UpdateStyleModelInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) slug?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ModelTypeEnum, { nullable: true }) type?: ModelType | null;
  @Field(() => ID, { nullable: true }) baseModelId?: string | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => MaturityEnum, { nullable: true }) maturity?: MaturityLevel | null;
}

@InputType()
export class VersionParentInput {
  @Field(() => UUIDScalar) versionId!: string;
  @Field(() => ParentRelationEnum) relation!: ParentRelation;
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
  @Field(() => FileRoleEnum, { nullable: true }) role?: FileRole | null;
  @Field(() => PrecisionEnum, { nullable: true }) precision?: Precision | null;
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
  @Field(() => ModelTypeEnum, { nullable: true }) type?: ModelType | null;
  @Field(() => ID, { nullable: true }) baseModelId?: string | null;
  @Field(() => String, { nullable: true, description: 'Only this creator’s published models, by handle.' })
  ownerHandle?: string | null;
  @Field(() => String, { nullable: true, description: 'Only models with this tag.' })
  tag?: string | null;
}
