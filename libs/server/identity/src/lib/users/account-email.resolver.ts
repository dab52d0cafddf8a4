import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor, ClientInfo } from '@lookbook/core';
import { Client, CurrentActor, Public, SessionOnly } from '@lookbook/core';
import { RequestEmailChangeInput } from '../graphql/identity.inputs';
import { toMe } from '../graphql/identity.mapper';
import { Me } from '../graphql/identity.objects';
import { EmailChangeService } from './email-change.service';
import { EmailVerificationService } from './email-verification.service';

/** The account's email address: verifying it, and changing it (confirmed by both addresses). */
@Resolver()
export class AccountEmailResolver {
  constructor(
    private readonly verification: EmailVerificationService,
    private readonly change: EmailChangeService,
  ) {}

  @Public()
  @Mutation(() => Me, {
    description:
      'Follow an email verification link (the token from it). Works signed out; signed in, only for your own account.',
  })
  async verifyEmail(
    @Args('token') token: string,
    @CurrentActor() actor: Actor | undefined,
    @Client() client: ClientInfo,
  ): Promise<Me> {
    return toMe(await this.verification.verify(token, actor?.userId, client.ip));
  }

  @SessionOnly()
  @Mutation(() => Boolean, {
    description: 'Mail a new verification link (the older one stops working); a few per hour.',
  })
  resendVerificationEmail(@CurrentActor() actor: Actor): Promise<boolean> {
    return this.verification.resend(actor);
  }

  @SessionOnly()
  @Mutation(() => Boolean, {
    description:
      'Ask to change your email address: a confirmation link goes to the new address, a notice to the current one. Nothing changes until the link is followed.',
  })
  requestEmailChange(@CurrentActor() actor: Actor, @Args('input') input: RequestEmailChangeInput): Promise<boolean> {
    return this.change.request(actor, input.newEmail, input.currentPassword);
  }

  @Public()
  @Mutation(() => Me, {
    description: 'Follow the link sent to a new address: it becomes the account’s (verified) email address.',
  })
  async confirmEmailChange(@Args('token') token: string, @CurrentActor() actor: Actor | undefined): Promise<Me> {
    return toMe(await this.change.confirm(token, actor?.userId));
  }
}
