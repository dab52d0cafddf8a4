import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor, ClientInfo, Page } from '@lookbook/core';
import { Client, ConnectionArgs, CurrentActor, Public, SessionOnly, UUIDScalar } from '@lookbook/core';
import { SignInInput } from '../graphql/identity.inputs';
import { toAuthPayload, toSession } from '../graphql/identity.mapper';
import type { Session } from '../graphql/identity.objects';
import { AuthPayload, SessionConnection } from '../graphql/identity.objects';
import { SessionService } from './session.service';

@Resolver()
export class SessionResolver {
  constructor(private readonly sessions: SessionService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Sign in with email or handle and password.' })
  async signIn(@Args('input') input: SignInInput, @Client() client: ClientInfo): Promise<AuthPayload> {
    return toAuthPayload(await this.sessions.signIn(input.login, input.password, client));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Exchange a refresh token for a new access and refresh token.' })
  async refreshSession(@Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    return toAuthPayload(await this.sessions.refresh(refreshToken));
  }

  @SessionOnly()
  @Mutation(() => Boolean, { description: 'End the current session.' })
  signOut(@CurrentActor() actor: Actor): Promise<boolean> {
    return this.sessions.signOut(actor);
  }

  @SessionOnly()
  @Mutation(() => Boolean, { description: 'End one of your sessions (e.g. a lost device).' })
  revokeSession(@CurrentActor() actor: Actor, @Args('id', { type: () => UUIDScalar }) id: string): Promise<boolean> {
    return this.sessions.revokeSession(actor, id);
  }

  @SessionOnly()
  @Query(() => SessionConnection, { description: 'Your live sessions, newest first.' })
  mySessions(@CurrentActor() actor: Actor, @Args() args: ConnectionArgs): Promise<Page<Session>> {
    return this.sessions.listSessions(actor, args, (s) => toSession(s, actor.sessionId));
  }
}
