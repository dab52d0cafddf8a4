import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SafeIntScalar } from '@lookbook/core';

export enum TierValue {
  FREE = 'FREE',
  PERSONAL = 'PERSONAL',
  COMMERCIAL = 'COMMERCIAL',
  ENTERPRISE = 'ENTERPRISE',
  EXCLUSIVE = 'EXCLUSIVE',
}
export enum CommercialUseValue {
  NONE = 'NONE',
  SELL_GENERATED_IMAGES = 'SELL_GENERATED_IMAGES',
  PAID_GENERATION_SERVICE = 'PAID_GENERATION_SERVICE',
  RESELL_MODEL = 'RESELL_MODEL',
}
registerEnumType(TierValue, { name: 'LicenseTier' });
registerEnumType(CommercialUseValue, { name: 'CommercialUse', description: 'Each level includes the ones before it.' });

@ObjectType()
export class LicensePermissions {
  @Field(() => CommercialUseValue) commercialUse!: CommercialUseValue;
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
  @Field(() => TierValue) tier!: TierValue;
  @Field(() => Int, { description: 'Bumped whenever the terms or price change; sold licences keep their revision.' })
  revision!: number;
  @Field(() => SafeIntScalar, { description: 'Minor units (cents).' }) priceAmount!: number;
  @Field() priceCurrency!: string;
  @Field(() => LicensePermissions) permissions!: LicensePermissions;
  @Field({ description: 'The licence text, generated from the permissions.' }) termsText!: string;
  @Field({ description: 'SHA-256 of termsText: the identity of these terms.' }) termsSha256!: string;
}

@InputType()
export class LicensePermissionsInput {
  @Field(() => CommercialUseValue) commercialUse!: CommercialUseValue;
  @Field() derivativesAllowed!: boolean;
  @Field() derivativeMayChangeLicense!: boolean;
  @Field() creditRequired!: boolean;
  @Field(() => String, { nullable: true }) creditLine?: string | null;
  @Field(() => Int, { nullable: true }) seats?: number | null;
  @Field(() => SafeIntScalar, { nullable: true }) revenueCap?: number | null;
  @Field(() => Int, { nullable: true }) printRunCap?: number | null;
}

@InputType()
export class LicenseOfferInput {
  @Field(() => TierValue) tier!: TierValue;
  @Field(() => SafeIntScalar, { description: 'Minor units (cents); 0 only for FREE.' }) priceAmount!: number;
  @Field({ description: 'ISO 4217, e.g. EUR.' }) priceCurrency!: string;
  @Field(() => LicensePermissionsInput) permissions!: LicensePermissionsInput;
}
