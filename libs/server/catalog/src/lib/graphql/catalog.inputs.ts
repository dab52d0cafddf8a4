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
  @Field(() => String, {
    nullable: true,
    description: 'https:// link to the licence text; left out keeps it, null clears it.',
  })
  licenseUrl?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'A short note on its conditions; left out keeps it, null clears it.',
  })
  licenseConditions?: string | null;
}

@InputType({
  description: 'A well-known model file: by its publisher’s SHA-256, or by file name when none is published.',
})
export class KnownModelFileInput {
  @Field(() => UUIDScalar, { nullable: true, description: 'To change an existing entry; left out adds one.' })
  id?: string | null;
  @Field({ description: 'The file name as published (no folders).' }) fileName!: string;
  @Field(() => String, { nullable: true }) sha256?: string | null;
  @Field({ description: 'checkpoint, diffusion_model, text_encoder, vae, lora, controlnet, embedding, …' })
  kind!: string;
  @Field({ description: 'What the file is, e.g. “FLUX.1 [dev]”.' }) title!: string;
  @Field(() => ID, { nullable: true }) baseModelId?: string | null;
  @Field(() => String, { nullable: true, description: 'Its own licence, when not its base model’s.' })
  licenseName?: string | null;
  @Field(() => String, { nullable: true }) licenseUrl?: string | null;
  @Field(() => String, { nullable: true }) licenseConditions?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'With licenseName: whether that licence forbids commercial use.',
  })
  nonCommercial?: boolean | null;
  @Field({ description: 'Where the file (and its hash) is published.' }) sourceUrl!: string;
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
