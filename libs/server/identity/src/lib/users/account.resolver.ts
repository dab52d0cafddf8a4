import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor, ClientInfo, Role } from '@lookbook/core';
import { Client, CurrentActor, MaturityEnum, Public, Roles, SessionOnly, UUIDScalar } from '@lookbook/core';
import type { MaturityLevel } from '@lookbook/kernel';
import { AccountService } from './account.service';
import { ChangePasswordInput, SignUpInput } from '../graphql/identity.inputs';
import { toAuthPayload, toMe, toUser } from '../graphql/identity.mapper';
import { AuthPayload, Me, RoleEnum, User } from '../graphql/identity.objects';

@Resolver()
export class AccountResolver {
  constructor(private readonly accounts: AccountService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Create an account and sign in.' })
  async signUp(@Args('input') input: SignUpInput, @Client() client: ClientInfo): Promise<AuthPayload> {
    return toAuthPayload(await this.accounts.signUp(input, client));
  }

  @Query(() => Me, { description: 'The signed-in user.' })
  async me(@CurrentActor() actor: Actor): Promise<Me> {
    return toMe(await this.accounts.me(actor));
  }

  @Public()
  @Query(() => User, { description: 'A public profile by handle (case-insensitive).' })
  async user(@Args('handle') handle: string): Promise<User> {
    return toUser(await this.accounts.profile(handle));
  }

  @SessionOnly()
  @Mutation(() => Me, { description: 'Change your password; every other session is signed out.' })
  async changePassword(@CurrentActor() actor: Actor, @Args('input') input: ChangePasswordInput): Promise<Me> {
    return toMe(await this.accounts.changePassword(actor, input.currentPassword, input.newPassword));
  }

  @SessionOnly()
  @Mutation(() => Me, {
    description: 'Your maturity setting: search shows every level up to this one unless a search asks otherwise.',
  })
  async setMaturityPreference(
    @CurrentActor() actor: Actor,
    @Args('maxMaturity', { type: () => MaturityEnum }) maxMaturity: MaturityLevel,
  ): Promise<Me> {
    return toMe(await this.accounts.setMaxMaturity(actor, maxMaturity));
  }

  @Roles('admin')
  @SessionOnly()
  @Mutation(() => User, { description: 'Admins only: set the roles of a user.' })
  async setUserRoles(
    @Args('userId', { type: () => UUIDScalar }) userId: string,
    @Args('roles', { type: () => [RoleEnum] }) roles: Role[],
  ): Promise<User> {
    return toUser(await this.accounts.setRoles(userId, roles));
  }
}
