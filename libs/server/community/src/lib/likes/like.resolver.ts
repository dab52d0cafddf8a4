import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor, ClientInfo } from '@lookbook/core';
import { Client, CurrentActor, UUIDScalar } from '@lookbook/core';
import type { LikeableKind } from '../subjects/subject';
import type { LikeState as State } from './like.service';
import { LikeService } from './like.service';
import { LikeState, LikeSubjectKindEnum } from '../graphql/community.objects';

@Resolver(() => LikeState)
export class LikeResolver {
  constructor(private readonly likes: LikeService) {}

  @Mutation(() => LikeState, {
    description: 'Like a published model, template or sample image (again: no change). Not your own work.',
  })
  like(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('kind', { type: () => LikeSubjectKindEnum }) kind: LikeableKind,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<LikeState> {
    return this.likes.like(actor, client, kind, id).then(toLikeState);
  }

  @Mutation(() => LikeState, { description: 'Take a like back (idempotent).' })
  unlike(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('kind', { type: () => LikeSubjectKindEnum }) kind: LikeableKind,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<LikeState> {
    return this.likes.unlike(actor, client, kind, id).then(toLikeState);
  }
}

function toLikeState(s: State): LikeState {
  return { subjectKind: s.kind, subjectId: s.id, liked: s.liked, likeCount: s.likeCount };
}
