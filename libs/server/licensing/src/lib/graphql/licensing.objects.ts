import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, graphqlEnum, SafeIntScalar } from '@lookbook/core';
import type { LicenseSource, LicenseStatus, RevocationReason } from '../licenses/license.entity';
import { LICENSE_SOURCES, LICENSE_STATUSES, REVOCATION_REASONS } from '../licenses/license.entity';
import type { VerificationProblem } from '../licenses/license-verifier.service';
import { VERIFICATION_PROBLEMS } from '../licenses/license-verifier.service';
import type { CommercialUse, Tier } from '../offers/permissions';
import { COMMERCIAL_USES, TIERS } from '../offers/permissions';
import type { SubjectKind } from '../subjects/subject';
import { SUBJECT_KINDS } from '../subjects/subject';

export const TierEnum = graphqlEnum('LicenseTier', TIERS);
export const CommercialUseEnum = graphqlEnum('CommercialUse', COMMERCIAL_USES, {
  description: 'Each level includes the ones before it.',
});
export const LicenseSubjectKindEnum = graphqlEnum('LicenseSubjectKind', SUBJECT_KINDS, {
  description: 'What a licence is for: a style model version, or a workflow template version.',
});
export const LicenseStatusEnum = graphqlEnum('LicenseStatus', LICENSE_STATUSES);
export const LicenseSourceEnum = graphqlEnum('LicenseSource', LICENSE_SOURCES);
export const RevocationReasonEnum = graphqlEnum('RevocationReason', REVOCATION_REASONS);
export const LicenseProblemEnum = graphqlEnum('LicenseProblem', VERIFICATION_PROBLEMS, {
  description: 'Why a certificate did not verify.',
});

@ObjectType()
export class LicensePermissions {
  @Field(() => CommercialUseEnum) commercialUse!: CommercialUse;
  @Field() derivativesAllowed!: boolean;
  @Field() derivativeMayChangeLicense!: boolean;
  @Field() creditRequired!: boolean;
  @Field(() => String, { nullable: true }) creditLine!: string | null;
  @Field(() => Int, { nullable: true }) seats!: number | null;
  @Field(() => SafeIntScalar, { nullable: true, description: 'Minor units of the offer currency.' }) revenueCap!:
    number | null;
  @Field(() => Int, { nullable: true }) printRunCap!: number | null;
}

@ObjectType({
  description: 'A currency Lookbook sells in (ISO 4217), with what a client needs to enter and show prices.',
})
export class Currency {
  @Field({ description: 'ISO 4217 code, e.g. EUR.' }) code!: string;
  @Field(() => Int, {
    description: 'Digits after the decimal point: amounts are in 10^-exponent units (JPY 0, EUR 2).',
  })
  exponent!: number;
  @Field(() => SafeIntScalar, { description: 'The smallest price the payment provider charges, in minor units.' })
  minimumCharge!: number;
  @Field(() => SafeIntScalar, { description: 'Prices are a multiple of this many minor units (10 for KWD).' })
  step!: number;
}

@ObjectType()
export class LicenseOffer {
  @Field(() => ID) id!: string;
  @Field(() => TierEnum) tier!: Tier;
  @Field(() => Int, { description: 'Bumped whenever the terms or price change; sold licences keep their revision.' })
  revision!: number;
  @Field(() => SafeIntScalar, { description: 'Minor units (cents).' }) priceAmount!: number;
  @Field() priceCurrency!: string;
  @Field(() => LicensePermissions) permissions!: LicensePermissions;
  @Field({ description: 'The licence text, generated from the permissions.' }) termsText!: string;
  @Field({ description: 'SHA-256 of termsText: the identity of these terms.' }) termsSha256!: string;
}

@ObjectType({ description: 'The public profile of a licence holder (never their email).' })
export class LicenseHolder {
  @Field(() => ID) id!: string;
  @Field() handle!: string;
  @Field() displayName!: string;
}

@ObjectType({
  description:
    'A licence held by one person: the exact terms and files at the time it was granted, and its signed certificate.',
})
export class License {
  @Field(() => ID) id!: string;
  @Field(() => TierEnum) tier!: Tier;
  @Field(() => LicenseStatusEnum) status!: LicenseStatus;
  @Field({ description: 'urn:lookbook:model|template:<id>:version:<versionId>' }) resource!: string;
  @Field({ description: 'The subject and version names when the licence was granted.' }) resourceName!: string;
  @Field(() => LicenseSubjectKindEnum) subjectKind!: SubjectKind;
  @Field(() => ID, { description: 'What is licensed: the style model, or the workflow template (see subjectKind).' })
  subjectId!: string;
  @Field(() => ID, {
    description: 'The model, or for a template licence the template.',
    deprecationReason: 'Use subjectId',
  })
  modelId!: string;
  @Field(() => ID) versionId!: string;
  licenseeId!: string;
  @Field(() => Int, { description: 'The revision of the offer these terms came from.' }) offerRevision!: number;
  @Field(() => LicensePermissions) permissions!: LicensePermissions;
  @Field() termsText!: string;
  @Field({ description: 'SHA-256 of termsText, as signed in the certificate.' }) termsSha256!: string;
  @Field(() => [String], { description: 'SHA-256 of every file the licence covers.' }) fileSha256s!: string[];
  @Field(() => GraphQLISODateTime) issuedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
  @Field(() => RevocationReasonEnum, { nullable: true }) revocationReason!: RevocationReason | null;
  @Field({ description: 'The key (JWKS kid) that signed the certificate.' }) keyId!: string;
  @Field({ description: 'Public check of this licence: GET it for validity and status.' }) verifyUrl!: string;
  @Field(() => LicenseSourceEnum, { nullable: true, description: 'Holder, creator and staff only.' })
  source!: LicenseSource | null;
  @Field(() => SafeIntScalar, {
    nullable: true,
    description: 'What was paid, in minor units. Holder, creator and staff only.',
  })
  priceAmount!: number | null;
  @Field(() => String, { nullable: true, description: 'Holder, creator and staff only.' })
  priceCurrency!: string | null;
  @Field(() => String, { nullable: true, description: 'Holder, creator and staff only.' })
  revocationNote!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The signed certificate (Ed25519 JWS), for the holder only. Verify it offline against /.well-known/jwks.json.',
  })
  certificate!: string | null;
}

@ObjectType()
export class LicenseVerification {
  @Field({ description: 'The certificate is authentic: signed by a published Lookbook key and matching a licence.' })
  valid!: boolean;
  @Field(() => LicenseProblemEnum, { nullable: true }) problem!: VerificationProblem | null;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => LicenseStatusEnum, {
    nullable: true,
    description: 'Whether the licence is still in force (known online only).',
  })
  status!: LicenseStatus | null;
  @Field(() => License, { nullable: true }) license!: License | null;
}

export const LicenseConnection = Connection(License, 'License');
