import { Field, InputType, Int } from '@nestjs/graphql';
import { SafeIntScalar } from '@lookbook/core';
import type { CommercialUse, Tier } from '../offers/permissions';
import { CommercialUseEnum, TierEnum } from './licensing.objects';

@InputType()
export class LicensePermissionsInput {
  @Field(() => CommercialUseEnum) commercialUse!: CommercialUse;
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
  @Field(() => TierEnum) tier!: Tier;
  @Field(() => SafeIntScalar, { description: 'Minor units (cents); 0 only for FREE.' }) priceAmount!: number;
  @Field({ description: 'ISO 4217, e.g. EUR.' }) priceCurrency!: string;
  @Field(() => LicensePermissionsInput) permissions!: LicensePermissionsInput;
}
