export const LIKEABLE_KINDS = ['MODEL', 'TEMPLATE', 'IMAGE'] as const;
export type LikeableKind = (typeof LIKEABLE_KINDS)[number];

export const FOLLOWABLE_KINDS = ['USER', 'IP'] as const;
export type FollowableKind = (typeof FOLLOWABLE_KINDS)[number];

/** Something a member can like or follow, and who owns it (a user owns themself). */
export interface OwnedSubject {
  kind: LikeableKind | FollowableKind;
  id: string;
  ownerId: string;
}

/** What a notification about an act on a subject says: who did it, and the subject's name and page. */
export interface SubjectDescription {
  actorName: string;
  actorHandle: string;
  name: string;
  url: string;
}
