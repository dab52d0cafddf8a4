import { graphql } from '../gql';

/** Community writes every page may offer (like, follow): each answers the new state with its count. */
export const Like = graphql(`
  mutation Like($kind: LikeSubjectKind!, $id: UUID!) {
    like(kind: $kind, id: $id) {
      liked
      likeCount
    }
  }
`);

export const Unlike = graphql(`
  mutation Unlike($kind: LikeSubjectKind!, $id: UUID!) {
    unlike(kind: $kind, id: $id) {
      liked
      likeCount
    }
  }
`);

export const Follow = graphql(`
  mutation Follow($kind: FollowTargetKind!, $id: UUID!) {
    follow(kind: $kind, id: $id) {
      following
      followerCount
    }
  }
`);

export const Unfollow = graphql(`
  mutation Unfollow($kind: FollowTargetKind!, $id: UUID!) {
    unfollow(kind: $kind, id: $id) {
      following
      followerCount
    }
  }
`);

/** Whether you follow a creator and how many do (a model or template page, near the creator's name). */
export const FollowStateQuery = graphql(`
  query FollowState($kind: FollowTargetKind!, $id: UUID!) {
    followState(kind: $kind, id: $id) {
      following
      followerCount
    }
  }
`);
