import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Connection, graphqlEnum, MaturityEnum } from '@lookbook/core';
import type { MaturityLevel, ModelType } from '../models/style-model.entity';
import { MODEL_TYPES } from '../models/style-model.entity';
import type { ModelStatus } from '../models/model-status';
import { MODEL_STATUSES } from '../models/model-status';

export const ModelTypeEnum = graphqlEnum('ModelType', MODEL_TYPES);
export { MaturityEnum };
export const ModelStatusEnum = graphqlEnum('ModelStatus', MODEL_STATUSES);

@ObjectType()
export class BaseModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() ecosystem!: string;
  @Field() licenseName!: string;
  @Field(() => String, { nullable: true, description: 'Where the licence text is published.' })
  licenseUrl!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'A short note on what the licence asks (a revenue cap, use restrictions).',
  })
  licenseConditions!: string | null;
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
export class StyleModel {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field(() => ModelTypeEnum) type!: ModelType;
  @Field(() => ID) baseModelId!: string;
  @Field(() => [String]) tags!: string[];
  @Field(() => MaturityEnum) maturity!: MaturityLevel;
  @Field(() => ModelStatusEnum) status!: ModelStatus;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt!: Date | null;
  ownerId!: string;
}

export const StyleModelConnection = Connection(StyleModel, 'StyleModel');
