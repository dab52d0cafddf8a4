import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@lookbook/kernel';

export const CommunityErrors = {
  userNotFound: () => new NotFoundError('USER_NOT_FOUND', 'No such user'),
  ipNotFound: () => new NotFoundError('IP_NOT_FOUND', 'No such IP'),
  subjectNotFound: () => new NotFoundError('SUBJECT_NOT_FOUND', 'Nothing to like here: no such item, or not visible'),
  selfFollow: () => new ConflictError('SELF_FOLLOW', 'You cannot follow yourself or your own IP'),
  selfLike: () => new ConflictError('SELF_LIKE', 'You cannot like your own work'),
  selfBlock: () => new ConflictError('SELF_BLOCK', 'You cannot block yourself'),
  blocked: () => new ForbiddenError('BLOCKED', 'You cannot interact with this account'),
  reviewSubjectNotFound: () =>
    new NotFoundError('SUBJECT_NOT_FOUND', 'Nothing to review here: no such model or template, or not published'),
  reviewNotFound: () => new NotFoundError('REVIEW_NOT_FOUND', 'No such review'),
  selfReview: () => new ConflictError('SELF_REVIEW', 'You cannot review your own work'),
  licenseRequired: () =>
    new ForbiddenError('LICENSE_REQUIRED', 'Only someone holding an active licence on it may review it'),
  reviewExists: () => new ConflictError('REVIEW_EXISTS', 'You already reviewed this: edit your review instead'),
  notReviewAuthor: () => new ForbiddenError('NOT_REVIEW_AUTHOR', 'Only its author may edit a review'),
  notCreator: () => new ForbiddenError('NOT_CREATOR', 'Only the creator of the reviewed work may reply'),
  selfVote: () => new ConflictError('SELF_VOTE', 'You cannot vote on your own review'),
  invalidDisplayName: () =>
    new ValidationError('INVALID_DISPLAY_NAME', 'A display name is 1–60 characters', { field: 'displayName' }),
  invalidBio: (max: number) =>
    new ValidationError('INVALID_BIO', `A bio is at most ${max} characters`, { field: 'bio', max }),
  invalidLinks: (reason: string, max: number) =>
    new ValidationError('INVALID_LINKS', `Links: ${reason}`, { field: 'links', max }),
};
