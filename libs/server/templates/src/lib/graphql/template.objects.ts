import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { SLOT_TYPES } from '@lookbook/comfyui';
import { graphqlEnum, MaturityEnum } from '@lookbook/core';
import type { MaturityLevel } from '@lookbook/kernel';
import { TEMPLATE_STATUSES } from '../templates/template.entity';

export const SlotTypeEnum = graphqlEnum('TemplateSlotType', SLOT_TYPES);
export const TemplateStatusEnum = graphqlEnum('TemplateStatus', TEMPLATE_STATUSES);
export const TemplateVersionStatusEnum = graphqlEnum('TemplateVersionStatus', ['DRAFT', 'PUBLISHED'] as const);

/** One class for both directions: the slot as stored and as an author sends it (`TemplateSlotInput`). */
@ObjectType({ description: 'A value a template user may set: one node input, typed and constrained.' })
@InputType('TemplateSlotInput')
export class TemplateSlot {
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

@ObjectType({ description: 'The creator of a template (public profile fields).' })
export class TemplateOwner {
  @Field(() => ID) id!: string;
  @Field() handle!: string;
  @Field() displayName!: string;
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
  @Field(() => ID, { nullable: true, description: 'The IP it belongs to (bound, or through its parent).' })
  ipId!: string | null;
  @Field(() => RemixTermsObject, { nullable: true, description: 'The terms remixes of this template follow.' })
  terms!: RemixTermsObject | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType({ description: 'A template rendered with parameters, ready to load in ComfyUI.' })
export class RenderedTemplate {
  @Field(() => String, { nullable: true, description: 'The UI workflow (JSON), opening as an app in ComfyUI.' })
  workflow!: string | null;
  @Field(() => String, { nullable: true, description: 'The API-format prompt (JSON), for POST /prompt.' })
  prompt!: string | null;
}

export const IpKindEnum = graphqlEnum('IpKind', ['FRANCHISE', 'CHARACTER'] as const);
export const TemplateUseEnum = graphqlEnum('TemplateUse', ['PERSONAL', 'COMMERCIAL'] as const);
export const ApprovalModeEnum = graphqlEnum('RemixApproval', ['AUTOMATIC', 'MANUAL'] as const);
export const LineageStatusEnum = graphqlEnum('RemixStatus', ['PENDING', 'APPROVED', 'REJECTED'] as const);

@ObjectType('IntellectualProperty', { description: 'A franchise or character whose owner sets the remix terms.' })
export class IntellectualPropertyObject {
  @Field(() => ID) id!: string;
  @Field(() => ID) ownerId!: string;
  @Field() name!: string;
  @Field(() => IpKindEnum) kind!: string;
  @Field() description!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@InputType()
export class RegisterIpInput {
  @Field() name!: string;
  @Field(() => IpKindEnum) kind!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
}

/** The terms fans remix under (as stored, and as an IP owner or remixer sends them: `RemixTermsInput`). */
@ObjectType('RemixTerms')
@InputType('RemixTermsInput')
export class RemixTermsObject {
  @Field() remixAllowed!: boolean;
  @Field(() => [String], { nullable: true, description: 'Slot keys fans may change; null: all.' })
  changeableSlots!: string[] | null;
  @Field(() => [TemplateUseEnum]) allowedUses!: ('PERSONAL' | 'COMMERCIAL')[];
  @Field(() => [String], { description: 'Credit lines every remix shows.' }) attribution!: string[];
  @Field(() => Int, { description: "The IP owner's share of every remix sale, in basis points (0–5,000)." })
  ipShareBps!: number;
  @Field(() => MaturityEnum) maxMaturity!: MaturityLevel;
  @Field(() => [String]) requiredTags!: string[];
  @Field(() => ApprovalModeEnum) approval!: 'AUTOMATIC' | 'MANUAL';
}

@ObjectType('LineageEdge')
export class LineageEdgeObject {
  @Field(() => ID) childId!: string;
  @Field(() => ID) parentId!: string;
  @Field() relation!: string;
  @Field(() => Int, { description: 'Share of the child’s sales passed to the parent, in basis points.' })
  shareBps!: number;
  @Field(() => LineageStatusEnum) status!: string;
  @Field(() => Int, { nullable: true, description: 'Generations away (lineage queries).' }) depth?: number;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType()
export class TemplateLineage {
  @Field(() => [LineageEdgeObject], { description: 'Edges up from the template, nearest first.' })
  ancestors!: LineageEdgeObject[];
  @Field(() => [LineageEdgeObject], { description: 'Edges down to its remixes, nearest first.' })
  descendants!: LineageEdgeObject[];
}

@ObjectType({ description: 'A subgraph definition in a workflow (what an IP owner may lock to their IP).' })
export class TemplateSubgraph {
  @Field() id!: string;
  @Field() name!: string;
  @Field(() => Int, { nullable: true }) revision!: number | null;
  @Field({ description: 'SHA-256 of its content (everything but id and revision).' }) sha256!: string;
}

@ObjectType({ description: 'A template bound to an IP by its owner (remixes belong to the IP through it).' })
export class TemplateIpBinding {
  @Field(() => ID) ipId!: string;
  @Field(() => TemplateSubgraph, {
    nullable: true,
    description: 'The subgraph locked to the IP: any workflow containing that definition uses the IP.',
  })
  lockedSubgraph!: TemplateSubgraph | null;
  @Field(() => GraphQLISODateTime) boundAt!: Date;
}

@ObjectType({ description: 'What unbinding a template from its IP did.' })
export class UnbindTemplateResult {
  @Field(() => WorkflowTemplate, { description: 'The template, no longer bound (it may be bound again).' })
  template!: WorkflowTemplate;
  @Field(() => Int, {
    description:
      'Remixes (at any depth) that left the IP: they keep their lineage shares and credit lines, and pay no IP share ' +
      'from their next sale.',
  })
  releasedRemixes!: number;
  @Field(() => Int, { description: 'Of those, remixes that were waiting for approval and were approved.' })
  approvedRemixes!: number;
}
