import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor, ClientInfo } from '@lookbook/core';
import { Client, CurrentActor, Public, UUIDScalar } from '@lookbook/core';
import type { CommentOrder, DiscussionKind } from './comment';
import { CommentService } from './comment.service';
import { flattenTree, toComment } from './discussion.mapper';
import {
  Comment,
  CommentOrderEnum,
  CommentReplies,
  DeletedComment,
  Discussion,
  DiscussionSubjectKindEnum,
  MarkdownNode,
  PostCommentInput,
} from './discussion.objects';

@Resolver(() => Discussion)
export class DiscussionResolver {
  constructor(private readonly comments: CommentService) {}

  @Public()
  @Query(() => Discussion, {
    description: 'A page of the discussion of a public model, template or model version, as you may see it.',
  })
  async discussion(
    @CurrentActor() viewer: Actor | undefined,
    @Args('subjectKind', { type: () => DiscussionSubjectKindEnum }) subjectKind: DiscussionKind,
    @Args('subjectId', { type: () => UUIDScalar }) subjectId: string,
    @Args('order', { type: () => CommentOrderEnum, defaultValue: 'NEWEST' }) order: CommentOrder,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<Discussion> {
    const page = await this.comments.page(viewer, subjectKind, subjectId, order, first, after);
    return {
      subjectKind,
      subjectId,
      commentCount: page.subject.commentCount,
      viewerIsCreator: page.viewerIsCreator,
      comments: page.comments.map((c) => toComment(c, viewer?.userId ?? null)),
      endCursor: page.endCursor,
      hasMore: page.hasMore,
    };
  }

  @Public()
  @Query(() => CommentReplies, { description: 'More replies of a comment, after those already shown.' })
  async commentReplies(
    @CurrentActor() viewer: Actor | undefined,
    @Args('commentId', { type: () => UUIDScalar }) commentId: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<CommentReplies> {
    const page = await this.comments.moreReplies(viewer, commentId, first, after);
    return { ...page, replies: page.replies.map((r) => toComment(r, viewer?.userId ?? null)) };
  }

  @Query(() => [MarkdownNode], {
    description: 'How a comment text would show (the composer’s preview); stores nothing.',
  })
  async commentPreview(@CurrentActor() actor: Actor, @Args('text') text: string): Promise<MarkdownNode[]> {
    return flattenTree(await this.comments.preview(actor, text));
  }

  @Mutation(() => Comment, { description: 'Comment on a model, template or version, or reply to a comment.' })
  async postComment(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('input') input: PostCommentInput,
  ): Promise<Comment> {
    return toComment({ ...(await this.comments.post(actor, client, input)), replies: [] }, actor.userId);
  }

  @Mutation(() => Comment, { description: 'Change the text of your comment (it shows as edited).' })
  async editComment(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('id', { type: () => UUIDScalar }) id: string,
    @Args('text') text: string,
  ): Promise<Comment> {
    return toComment({ ...(await this.comments.edit(actor, client, id, text)), replies: [] }, actor.userId);
  }

  @Mutation(() => DeletedComment, { description: 'Delete your comment (idempotent). Its replies stay.' })
  async deleteComment(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<DeletedComment> {
    const result = await this.comments.remove(actor, client, id);
    return { id: result.id, removed: result.removed === 'HARD' };
  }

  @Mutation(() => Comment, { description: 'Pin or unpin a top-level comment on your work (at most 3 pinned).' })
  async pinComment(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('id', { type: () => UUIDScalar }) id: string,
    @Args('pinned') pinned: boolean,
  ): Promise<Comment> {
    return toComment({ ...(await this.comments.pin(actor, client, id, pinned)), replies: [] }, actor.userId);
  }

  @Mutation(() => Comment, {
    description: 'Hide a comment on your work from everyone but its author and you, or show it again.',
  })
  async hideComment(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('id', { type: () => UUIDScalar }) id: string,
    @Args('hidden') hidden: boolean,
  ): Promise<Comment> {
    return toComment({ ...(await this.comments.hide(actor, client, id, hidden)), replies: [] }, actor.userId);
  }
}
