import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { ClientInfo } from '@lookbook/core';
import { Client, Public } from '@lookbook/core';
import { ResetPasswordInput } from '../graphql/identity.inputs';
import { PasswordResetService } from './password-reset.service';

/** Forgotten passwords: a one-time link by mail. */
@Resolver()
export class PasswordResetResolver {
  constructor(private readonly resets: PasswordResetService) {}

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Mail a password reset link to this address if an account has it. The answer is the same either way (true).',
  })
  requestPasswordReset(@Args('email') email: string, @Client() client: ClientInfo): Promise<boolean> {
    return this.resets.request(email, client);
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Set a new password with the token from a reset link; every session of the account is signed out.',
  })
  resetPassword(@Args('input') input: ResetPasswordInput, @Client() client: ClientInfo): Promise<boolean> {
    return this.resets.reset(input.token, input.newPassword, client);
  }
}
