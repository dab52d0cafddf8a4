import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@lookbook/kernel';

export const CommunityErrors = {
  userNotFound: () => new NotFoundError('USER_NOT_FOUND', 'No such user'),
  ipNotFound: () => new NotFoundError('IP_NOT_FOUND', 'No such IP'),
  subjectNotFound: () => new NotFoundError('SUBJECT_NOT_FOUND', 'Nothing to like here: no such item, or not visible'),
  selfFollow: () => new ConflictError('SELF_FOLLOW', 'You cannot follow yourself or your own IP'),
  selfLike: () => new ConflictError('SELF_LIKE', 'You cannot like your own work'),
  selfBlock: () => new ConflictError('SELF_BLOCK', 'You cannot block yourself'),
  blocked: () => new ForbiddenError('BLOCKED', 'You cannot interact with this account'),
  invalidDisplayName: () =>
    new ValidationError('INVALID_DISPLAY_NAME', 'A display name is 1–60 characters', { field: 'displayName' }),
  invalidBio: (max: number) =>
    new ValidationError('INVALID_BIO', `A bio is at most ${max} characters`, { field: 'bio', max }),
  invalidLinks: (reason: string, max: number) =>
    new ValidationError('INVALID_LINKS', `Links: ${reason}`, { field: 'links', max }),
};
