import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { graphqlEnum, SafeIntScalar } from '@lookbook/core';
import type { ParentRelation, VersionAccess, VersionStatus } from '../versions/model-version.entity';
import { PARENT_RELATIONS, VERSION_ACCESS, VERSION_STATUSES } from '../versions/model-version.entity';

export const VersionStatusEnum = graphqlEnum('VersionStatus', VERSION_STATUSES);
export const VersionAccessEnum = graphqlEnum('VersionAccess', VERSION_ACCESS, {
  description: 'FREE: anyone may download once published. LICENSED: buyers with a licence.',
});
export const ParentRelationEnum = graphqlEnum('ParentRelation', PARENT_RELATIONS);

@ObjectType()
export class KeyValue {
  @Field() key!: string;
  @Field() value!: string;
}

@ObjectType()
export class VersionParent {
  @Field(() => ID) versionId!: string;
  @Field(() => ParentRelationEnum) relation!: ParentRelation;
}

@ObjectType()
export class ModelVersion {
  @Field(() => ID) id!: string;
  @Field(() => ID) modelId!: string;
  @Field() name!: string;
  @Field() changelog!: string;
  @Field(() => [String]) triggerWords!: string[];
  @Field(() => [KeyValue]) recommendedSettings!: KeyValue[];
  @Field(() => VersionAccessEnum, {
    description: 'FREE while the version has a live FREE licence offer (anyone may download it); LICENSED otherwise.',
  })
  access!: VersionAccess;
  @Field(() => VersionStatusEnum) status!: VersionStatus;
  @Field(() => SafeIntScalar) downloadCount!: number;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt!: Date | null;
  /** Not a field: the model's creator, when the version was read below its model (saves other domains a lookup). */
  modelOwnerId?: string;
}
