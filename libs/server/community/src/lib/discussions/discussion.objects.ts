import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { graphqlEnum, SafeIntScalar, UUIDScalar } from '@lookbook/core';
import { NODE_TYPES } from './comment-markdown';
import type { NodeType } from './comment-markdown';
import { COMMENT_ORDERS, DISCUSSION_KINDS } from './comment';
import type { CommentOrder, DiscussionKind } from './comment';

export const DiscussionSubjectKindEnum = graphqlEnum('DiscussionSubjectKind', DISCUSSION_KINDS, {
  description: 'What has a discussion: a model, a workflow template, a model version or a template version.',
});
export const CommentOrderEnum = graphqlEnum('CommentOrder', COMMENT_ORDERS, {
  description: 'The order of top-level comments (replies are always oldest first).',
});
export const MarkdownNodeTypeEnum = graphqlEnum(
  'MarkdownNodeType',
  NODE_TYPES.filter((t) => t !== 'doc'),
  { description: 'The node types of safe Markdown: nothing else is ever sent.' },
);

@ObjectType({
  description:
    'One node of a safe Markdown tree, sent flat in document order: `parent` is the index of the enclosing node in ' +
    'the same list (null at the top). Render `text` as text (never as markup); a link has an absolute http(s) `href`.',
})
export class MarkdownNode {
  @Field(() => MarkdownNodeTypeEnum) type!: Exclude<NodeType, 'doc'>;
  @Field(() => Int, { nullable: true }) parent!: number | null;
  @Field(() => String, { nullable: true, description: 'text, code, code_block: the characters; mention: the handle.' })
  text!: string | null;
  @Field(() => String, { nullable: true, description: 'link: an absolute http(s) URL.' }) href!: string | null;
  @Field(() => ID, { nullable: true, description: 'mention: the member mentioned.' }) userId!: string | null;
}

@ObjectType()
export class CommentAuthor {
  @Field(() => ID) id!: string;
  @Field() handle!: string;
  @Field() displayName!: string;
}

@ObjectType({ description: 'A comment in a discussion, with the replies shown under it.' })
export class Comment {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'The comment it sits under (null at the top level).' })
  parentId!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'At the last level, the comment this one answers (it sits beside it, under the same parent).',
  })
  replyToId!: string | null;
  @Field(() => Int, { description: '0 at the top level, at most 2.' }) depth!: number;
  @Field(() => CommentAuthor, { nullable: true, description: 'Null once deleted.' }) author!: CommentAuthor | null;
  @Field(() => [MarkdownNode], { description: 'The safe tree of its text (empty once deleted).' })
  body!: MarkdownNode[];
  @Field({ description: 'The Markdown as written ("" once deleted), for editing.' }) text!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was last edited.' }) editedAt!: Date | null;
  @Field({ description: 'Deleted: shown as "[deleted]" while it has replies.' }) deleted!: boolean;
  @Field({ description: 'Hidden by the creator: only its author and the creator see it.' }) hidden!: boolean;
  @Field({ description: 'Pinned by the creator: on top of the first page.' }) pinned!: boolean;
  @Field(() => SafeIntScalar, {
    description: 'Direct replies you can load: hidden ones only for the creator and their author, none across a block.',
  })
  replyCount!: number;
  @Field(() => [Comment], { description: 'The first replies (oldest first); more through `commentReplies`.' })
  replies!: Comment[];
  @Field({ description: 'Whether you wrote it (you may edit and delete it).' }) viewerIsAuthor!: boolean;
}

@ObjectType({ description: 'A page of a discussion.' })
export class Discussion {
  @Field(() => DiscussionSubjectKindEnum) subjectKind!: DiscussionKind;
  @Field(() => ID) subjectId!: string;
  @Field(() => SafeIntScalar, {
    description:
      'Comments not deleted that you can load (hidden ones and their replies only for the creator and their author, ' +
      'none across a block): kept as they change, corrected on read for your own and blocked members’ comments.',
  })
  commentCount!: number;
  @Field({ description: 'Whether you created the subject (you may pin and hide comments).' })
  viewerIsCreator!: boolean;
  @Field(() => [Comment], { description: 'Top-level comments: on the first page the pinned ones first.' })
  comments!: Comment[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' }) endCursor!: string | null;
  @Field() hasMore!: boolean;
}

@ObjectType()
export class CommentReplies {
  @Field(() => [Comment]) replies!: Comment[];
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasMore!: boolean;
}

@ObjectType()
export class DeletedComment {
  @Field(() => ID) id!: string;
  @Field({ description: 'True when it is gone entirely (it had no replies); false when it stays as "[deleted]".' })
  removed!: boolean;
}

@InputType()
export class PostCommentInput {
  @Field(() => DiscussionSubjectKindEnum) subjectKind!: DiscussionKind;
  @Field(() => UUIDScalar) subjectId!: string;
  @Field(() => UUIDScalar, { nullable: true, description: 'The comment answered; omit for a top-level comment.' })
  parentId?: string | null;
  @Field({ description: 'Markdown (a subset), 1–5,000 characters; `@handle` mentions a member.' }) text!: string;
}

export type { CommentOrder };
