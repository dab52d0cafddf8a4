import { Field, InputType, Int } from '@nestjs/graphql';
import type { ApiScope } from '@lookbook/core';
import { ApiScopeEnum } from './identity.objects';

// Length caps here are transport limits; the services apply the real rules and return typed errors.
@InputType()
export class SignUpInput {
  @Field() handle!: string;
  @Field() email!: string;
  @Field() password!: string;
  @Field(() => String, { nullable: true }) displayName?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'The terms of service and privacy notice are accepted; without it no account is made (TERMS_NOT_ACCEPTED).',
  })
  acceptTerms?: boolean | null;
}

@InputType()
export class SignInInput {
  @Field({ description: 'Email or handle.' }) login!: string;
  @Field() password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field() currentPassword!: string;
  @Field() newPassword!: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field() name!: string;
  @Field(() => [ApiScopeEnum]) scopes!: ApiScope[];
  @Field(() => Int, { nullable: true, description: 'Days until the key expires (1–365); never if omitted.' })
  expiresInDays?: number | null;
}

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'The token from the reset link.' }) token!: string;
  @Field() newPassword!: string;
}

@InputType()
export class RequestEmailChangeInput {
  @Field() newEmail!: string;
  @Field() currentPassword!: string;
}
