import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PublishedLicenseObject } from '@lookbook/catalog';
import { graphqlEnum, SafeIntScalar } from '@lookbook/core';
import { LicenseOffer, TierEnum } from '@lookbook/licensing';
import type { Tier } from '@lookbook/licensing';
import type { RollupStatus, RollupVerdict } from '../sales/license-rollup.rules';
import { ROLLUP_STATUSES, ROLLUP_VERDICTS } from '../sales/license-rollup.rules';
import { TemplateUseEnum } from './template.objects';

export const RollupStatusEnum = graphqlEnum('LicenseRollupStatus', ROLLUP_STATUSES, {
  description:
    'OWN: you made it · HELD: a licence you hold covers the purpose · CLAIMABLE: a free licence covers it · ' +
    'AVAILABLE: a paid licence covers it · NOT_OFFERED: nothing on sale covers it · OPEN_LICENSE: a well-known ' +
    'published file whose public licence allows the purpose · NOT_ALLOWED: a well-known published file whose public ' +
    'licence does not allow it · UNKNOWN: a file we do not know, so its licence could not be checked · ' +
    'UNUSED: wired in but not used.',
});
export const RollupVerdictEnum = graphqlEnum('LicenseRollupVerdict', ROLLUP_VERDICTS, {
  description:
    'COVERED (every file is known and covered) · NOT_COVERED (something must be licensed, or cannot be) · ' +
    'UNVERIFIED (nothing known blocks, but some files could not be checked: not covered as far as anyone can tell).',
});

@ObjectType({
  description:
    'The well-known published file (a base model’s, a text encoder, a VAE) a workflow’s file was matched to.',
})
export class PublishedModelFile {
  @Field({ description: 'SHA256 (exact) or FILE_NAME (a guess).' }) matchedBy!: string;
  @Field(() => Int, { description: 'How many known files carry this name.' }) candidates!: number;
  @Field() fileName!: string;
  @Field(() => String, { nullable: true }) sha256!: string | null;
  @Field() kind!: string;
  @Field({ description: 'What the file is, e.g. “FLUX.1 [dev]”.' }) title!: string;
  @Field(() => ID, { nullable: true }) baseModelId!: string | null;
  @Field(() => String, { nullable: true }) baseModelName!: string | null;
  @Field({ description: 'Where it is published.' }) sourceUrl!: string;
  @Field(() => PublishedLicenseObject) license!: PublishedLicenseObject;
}

@ObjectType({ description: 'What licensing everything missing costs in one currency.' })
export class LicenseRollupTotal {
  @Field() currency!: string;
  @Field(() => SafeIntScalar, {
    description: 'Minor units: the cheapest covering offer of each line still to license.',
  })
  amount!: number;
  @Field(() => Int, { description: 'How many licences (free claims included, at 0).' }) licenses!: number;
}

@ObjectType({ description: 'The catalog version a workflow’s model file was matched to.' })
export class ResolvedModel {
  @Field({ description: 'SHA256 (exact) or FILE_NAME (a guess).' }) matchedBy!: string;
  @Field(() => Int, { description: 'How many visible versions matched.' }) candidates!: number;
  @Field(() => ID) modelId!: string;
  @Field() modelName!: string;
  @Field(() => ID) versionId!: string;
  @Field() versionName!: string;
  @Field() fileName!: string;
  @Field() sha256!: string;
}

@ObjectType({ description: 'A licence the viewer holds that covers the purpose.' })
export class HeldLicence {
  @Field(() => ID) id!: string;
  @Field(() => TierEnum) tier!: Tier;
}

@ObjectType()
export class LicenseRollupLine {
  @Field({ description: '`template` for the template itself; otherwise the model kind (checkpoint, lora, …).' })
  kind!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'Where the workflow loads it: <node>.<input>.' }) slot!:
    string | null;
  @Field(() => String, { nullable: true }) sha256!: string | null;
  @Field(() => ResolvedModel, { nullable: true, description: 'The catalog version it was matched to.' })
  resolved!: ResolvedModel | null;
  @Field(() => PublishedModelFile, { nullable: true, description: 'The well-known published file it was matched to.' })
  published!: PublishedModelFile | null;
  @Field(() => RollupStatusEnum) status!: RollupStatus;
  @Field(() => HeldLicence, { nullable: true }) held!: HeldLicence | null;
  @Field(() => LicenseOffer, {
    nullable: true,
    description: 'The cheapest licence on sale that covers the purpose: what to buy or claim when it is missing.',
  })
  offer!: LicenseOffer | null;
  @Field({ description: 'In plain words.' }) reason!: string;
}

@ObjectType({ description: 'What must be held to use a workflow for a purpose, and whether you hold it.' })
export class LicenseRollupObject {
  @Field(() => TemplateUseEnum) purpose!: 'PERSONAL' | 'COMMERCIAL';
  @Field(() => RollupVerdictEnum) verdict!: RollupVerdict;
  @Field(() => [String]) reasons!: string[];
  @Field(() => [LicenseRollupLine]) lines!: LicenseRollupLine[];
  @Field(() => [LicenseRollupTotal], {
    description: 'Per currency, what licensing every missing line (CLAIMABLE, AVAILABLE) costs at its cheapest offer.',
  })
  missingTotals!: LicenseRollupTotal[];
}
