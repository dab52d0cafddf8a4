import { graphql } from '../../../gql';

export const UpdateCollection = graphql(`
  mutation UpdateCollection($id: UUID!, $input: UpdateCollectionInput!) {
    updateCollection(id: $id, input: $input) {
      id
    }
  }
`);

export const DeleteCollection = graphql(`
  mutation DeleteCollection($id: UUID!) {
    deleteCollection(id: $id)
  }
`);

export const MoveCollectionItem = graphql(`
  mutation MoveCollectionItem($collectionId: UUID!, $id: ID!, $afterId: ID) {
    moveCollectionItem(collectionId: $collectionId, id: $id, afterId: $afterId) {
      id
    }
  }
`);

export const SetCollectionItemNote = graphql(`
  mutation SetCollectionItemNote($collectionId: UUID!, $id: ID!, $note: String!) {
    setCollectionItemNote(collectionId: $collectionId, id: $id, note: $note) {
      id
    }
  }
`);

export const InviteCollectionEditor = graphql(`
  mutation InviteCollectionEditor($collectionId: UUID!, $handle: String!) {
    inviteCollectionEditor(collectionId: $collectionId, handle: $handle) {
      id
    }
  }
`);

export const AcceptCollectionInvite = graphql(`
  mutation AcceptCollectionInvite($collectionId: UUID!) {
    acceptCollectionInvite(collectionId: $collectionId) {
      id
    }
  }
`);

export const LeaveCollection = graphql(`
  mutation LeaveCollection($collectionId: UUID!) {
    leaveCollection(collectionId: $collectionId)
  }
`);

export const RemoveCollectionEditor = graphql(`
  mutation RemoveCollectionEditor($collectionId: UUID!, $userId: UUID!) {
    removeCollectionEditor(collectionId: $collectionId, userId: $userId) {
      id
    }
  }
`);

export const FollowCollection = graphql(`
  mutation FollowCollection($id: UUID!) {
    followCollection(id: $id) {
      following
      followerCount
    }
  }
`);

export const UnfollowCollection = graphql(`
  mutation UnfollowCollection($id: UUID!) {
    unfollowCollection(id: $id) {
      following
      followerCount
    }
  }
`);
