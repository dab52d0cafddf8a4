import { graphql } from '../gql';

/** Discussions: the pieces every page with a discussion (model, version, template) uses. */
export const CommentFields = graphql(`
  fragment CommentFields on Comment {
    id
    parentId
    replyToId
    depth
    text
    createdAt
    editedAt
    deleted
    hidden
    pinned
    replyCount
    viewerIsAuthor
    author {
      id
      handle
      displayName
    }
    body {
      type
      parent
      text
      href
      userId
    }
  }
`);

export const DiscussionPage = graphql(`
  query DiscussionPage($kind: DiscussionSubjectKind!, $id: UUID!, $order: CommentOrder!, $first: Int!, $after: String) {
    discussion(subjectKind: $kind, subjectId: $id, order: $order, first: $first, after: $after) {
      commentCount
      viewerIsCreator
      endCursor
      hasMore
      comments {
        ...CommentFields
        replies {
          ...CommentFields
          replies {
            ...CommentFields
          }
        }
      }
    }
  }
`);

export const MoreReplies = graphql(`
  query MoreReplies($id: UUID!, $first: Int!, $after: String) {
    commentReplies(commentId: $id, first: $first, after: $after) {
      endCursor
      hasMore
      replies {
        ...CommentFields
        replies {
          ...CommentFields
        }
      }
    }
  }
`);

export const CommentPreview = graphql(`
  query CommentPreview($text: String!) {
    commentPreview(text: $text) {
      type
      parent
      text
      href
      userId
    }
  }
`);

export const PostComment = graphql(`
  mutation PostComment($input: PostCommentInput!) {
    postComment(input: $input) {
      id
    }
  }
`);

export const EditComment = graphql(`
  mutation EditComment($id: UUID!, $text: String!) {
    editComment(id: $id, text: $text) {
      id
    }
  }
`);

export const DeleteComment = graphql(`
  mutation DeleteComment($id: UUID!) {
    deleteComment(id: $id) {
      id
      removed
    }
  }
`);

export const PinComment = graphql(`
  mutation PinComment($id: UUID!, $pinned: Boolean!) {
    pinComment(id: $id, pinned: $pinned) {
      id
    }
  }
`);

export const HideComment = graphql(`
  mutation HideComment($id: UUID!, $hidden: Boolean!) {
    hideComment(id: $id, hidden: $hidden) {
      id
    }
  }
`);
