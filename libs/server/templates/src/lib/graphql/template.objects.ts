import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { SLOT_TYPES } from '@lookbook/comfyui';
import { graphqlEnum, MaturityEnum } from '@lookbook/core';
import type { MaturityLevel } from '@lookbook/kernel';
import { TEMPLATE_STATUSES } from '../templates/template.entity';

export const SlotTypeEnum = graphqlEnum('TemplateSlotType', SLOT_TYPES);
export const TemplateStatusEnum = graphqlEnum('TemplateStatus', TEMPLATE_STATUSES);
export const TemplateVersionStatusEnum = graphqlEnum('TemplateVersionStatus', ['DRAFT', 'PUBLISHED'] as const);

@ObjectType({ description: 'A value a template user may set: one node input, typed and constrained.' })
export class TemplateSlot {
  @Field() key!: string;
  @Field() nodeId!: string;
  @Field() widget!: string;
  @Field() label!: string;
  @Field(() => SlotTypeEnum) type!: string;
  @Field({ description: 'The default value, as JSON.' }) default!: string;
  @Field(() => Float, { nullable: true }) min?: number | null;
  @Field(() => Float, { nullable: true }) max?: number | null;
  @Field(() => [String], { nullable: true }) options?: string[] | null;
  @Field(() => String, { nullable: true }) pattern?: string | null;
  @Field(() => Int, { nullable: true }) maxLength?: number | null;
}

@InputType()
export class TemplateSlotInput {
  @Field() key!: string;
  @Field() nodeId!: string;
  @Field() widget!: string;
  @Field() label!: string;
  @Field(() => SlotTypeEnum) type!: string;
  @Field({ description: 'The default value, as JSON (e.g. "20", "\\"a castle\\"", "true").' }) default!: string;
  @Field(() => Float, { nullable: true }) min?: number | null;
  @Field(() => Float, { nullable: true }) max?: number | null;
  @Field(() => [String], { nullable: true }) options?: string[] | null;
  @Field(() => String, { nullable: true }) pattern?: string | null;
  @Field(() => Int, { nullable: true }) maxLength?: number | null;
}

@InputType()
export class TemplateParamInput {
  @Field() key!: string;
  @Field({ description: 'The value, as JSON.' }) value!: string;
}

@InputType()
export class CreateTemplateInput {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
}

@ObjectType()
export class NodePackDependency {
  @Field({ description: 'Comfy Registry id (comfy-core for ComfyUI itself) or GitHub owner/repo.' }) id!: string;
  @Field() source!: string;
  @Field(() => String, { nullable: true }) version!: string | null;
  @Field(() => [String]) classTypes!: string[];
}

@ObjectType()
export class ModelDependencyObject {
  @Field({ description: 'Where it is loaded: node.input.' }) slot!: string;
  @Field() kind!: string;
  @Field() folder!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) sha256!: string | null;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field({ description: 'Wired in but at strength 0.' }) unused!: boolean;
}

@ObjectType()
export class TemplateLockfile {
  @Field(() => [NodePackDependency]) nodes!: NodePackDependency[];
  @Field(() => [ModelDependencyObject]) models!: ModelDependencyObject[];
}

@ObjectType()
export class WorkflowWarningObject {
  @Field() code!: string;
  @Field() message!: string;
  @Field() path!: string;
}

@ObjectType()
export class TemplateVersion {
  @Field(() => ID) id!: string;
  @Field(() => ID) templateId!: string;
  @Field() label!: string;
  @Field(() => TemplateVersionStatusEnum) status!: string;
  @Field({ description: 'Which formats this version holds.' }) hasWorkflow!: boolean;
  @Field() hasPrompt!: boolean;
  @Field(() => [TemplateSlot]) slots!: TemplateSlot[];
  @Field(() => TemplateLockfile) lockfile!: TemplateLockfile;
  @Field(() => [WorkflowWarningObject]) warnings!: WorkflowWarningObject[];
  @Field() sourceSha256!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt!: Date | null;
}

@ObjectType()
export class WorkflowTemplate {
  @Field(() => ID) id!: string;
  @Field(() => ID) ownerId!: string;
  @Field() slug!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field(() => [String]) tags!: string[];
  @Field(() => MaturityEnum) maturity!: MaturityLevel;
  @Field(() => TemplateStatusEnum) status!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType({ description: 'A template rendered with parameters, ready to load in ComfyUI.' })
export class RenderedTemplate {
  @Field(() => String, { nullable: true, description: 'The UI workflow (JSON), opening as an app in ComfyUI.' })
  workflow!: string | null;
  @Field(() => String, { nullable: true, description: 'The API-format prompt (JSON), for POST /prompt.' })
  prompt!: string | null;
}
