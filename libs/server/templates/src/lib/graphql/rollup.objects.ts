import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { graphqlEnum } from '@lookbook/core';
import { LicenseOffer, TierEnum } from '@lookbook/licensing';
import type { Tier } from '@lookbook/licensing';
import type { RollupStatus, RollupVerdict } from '../sales/license-rollup.service';
import { ROLLUP_STATUSES, ROLLUP_VERDICTS } from '../sales/license-rollup.service';
import { TemplateUseEnum } from './template.objects';

export const RollupStatusEnum = graphqlEnum('LicenseRollupStatus', ROLLUP_STATUSES, {
  description:
    'OWN: you made it · HELD: a licence you hold covers the purpose · CLAIMABLE: a free licence covers it · ' +
    'AVAILABLE: a paid licence covers it · NOT_OFFERED: nothing on sale covers it · UNKNOWN: not in the catalog · ' +
    'UNUSED: wired in but not used.',
});
export const RollupVerdictEnum = graphqlEnum('LicenseRollupVerdict', ROLLUP_VERDICTS, {
  description:
    'COVERED · NOT_COVERED (something must be licensed) · UNVERIFIED (covered, except files we do not know).',
});

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
  @Field(() => ResolvedModel, { nullable: true }) resolved!: ResolvedModel | null;
  @Field(() => RollupStatusEnum) status!: RollupStatus;
  @Field(() => HeldLicence, { nullable: true }) held!: HeldLicence | null;
  @Field(() => LicenseOffer, { nullable: true, description: 'The cheapest licence on sale that covers the purpose.' })
  offer!: LicenseOffer | null;
  @Field({ description: 'In plain words.' }) reason!: string;
}

@ObjectType({ description: 'What must be held to use a workflow for a purpose, and whether you hold it.' })
export class LicenseRollupObject {
  @Field(() => TemplateUseEnum) purpose!: 'PERSONAL' | 'COMMERCIAL';
  @Field(() => RollupVerdictEnum) verdict!: RollupVerdict;
  @Field(() => [String]) reasons!: string[];
  @Field(() => [LicenseRollupLine]) lines!: LicenseRollupLine[];
}
