import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, SafeIntScalar } from '@lookbook/core';
import { LicensePermissions, TierValue } from '../offers/offer.graphql';

export enum LicenseStatusValue {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}
export enum LicenseSourceValue {
  PURCHASE = 'PURCHASE',
  FREE_CLAIM = 'FREE_CLAIM',
  GIFT = 'GIFT',
}
export enum RevocationReasonValue {
  REFUNDED = 'REFUNDED',
  DISPUTE_LOST = 'DISPUTE_LOST',
  FRAUD = 'FRAUD',
  TERMS_VIOLATION = 'TERMS_VIOLATION',
  TAKEDOWN = 'TAKEDOWN',
  ISSUED_IN_ERROR = 'ISSUED_IN_ERROR',
}
export enum LicenseProblemValue {
  MALFORMED = 'MALFORMED',
  UNSUPPORTED_ALGORITHM = 'UNSUPPORTED_ALGORITHM',
  UNKNOWN_KEY = 'UNKNOWN_KEY',
  KEY_EXPIRED = 'KEY_EXPIRED',
  BAD_SIGNATURE = 'BAD_SIGNATURE',
  INVALID_CLAIMS = 'INVALID_CLAIMS',
  UNKNOWN_LICENSE = 'UNKNOWN_LICENSE',
}
registerEnumType(LicenseStatusValue, { name: 'LicenseStatus' });
registerEnumType(LicenseSourceValue, { name: 'LicenseSource' });
registerEnumType(RevocationReasonValue, { name: 'RevocationReason' });
registerEnumType(LicenseProblemValue, {
  name: 'LicenseProblem',
  description: 'Why a certificate did not verify.',
});

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
  @Field(() => TierValue) tier!: TierValue;
  @Field(() => LicenseStatusValue) status!: LicenseStatusValue;
  @Field({ description: 'urn:lookbook:model:<modelId>:version:<versionId>' }) resource!: string;
  @Field({ description: 'The model and version names when the licence was granted.' }) resourceName!: string;
  @Field(() => ID) modelId!: string;
  @Field(() => ID) versionId!: string;
  licenseeId!: string;
  @Field(() => Int, { description: 'The revision of the offer these terms came from.' }) offerRevision!: number;
  @Field(() => LicensePermissions) permissions!: LicensePermissions;
  @Field() termsText!: string;
  @Field({ description: 'SHA-256 of termsText, as signed in the certificate.' }) termsSha256!: string;
  @Field(() => [String], { description: 'SHA-256 of every file the licence covers.' }) fileSha256s!: string[];
  @Field(() => GraphQLISODateTime) issuedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
  @Field(() => RevocationReasonValue, { nullable: true }) revocationReason!: RevocationReasonValue | null;
  @Field({ description: 'The key (JWKS kid) that signed the certificate.' }) keyId!: string;
  @Field({ description: 'Public check of this licence: GET it for validity and status.' }) verifyUrl!: string;
  @Field(() => LicenseSourceValue, { nullable: true, description: 'Holder, creator and staff only.' })
  source!: LicenseSourceValue | null;
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
  @Field(() => LicenseProblemValue, { nullable: true }) problem!: LicenseProblemValue | null;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => LicenseStatusValue, {
    nullable: true,
    description: 'Whether the licence is still in force (known online only).',
  })
  status!: LicenseStatusValue | null;
  @Field(() => License, { nullable: true }) license!: License | null;
}

export const LicenseConnection = Connection(License, 'License');
