import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@lookbook/kernel';

export const DiscussionErrors = {
  subjectNotFound: () =>
    new NotFoundError('DISCUSSION_NOT_FOUND', 'No discussion here: no such model, template or version, or not public'),
  commentNotFound: () => new NotFoundError('COMMENT_NOT_FOUND', 'No such comment'),
  notAuthor: () => new ForbiddenError('NOT_COMMENT_AUTHOR', 'Only its author can change or delete a comment'),
  notCreator: () => new ForbiddenError('NOT_SUBJECT_CREATOR', 'Only the creator of this item can pin or hide comments'),
  deleted: () => new ConflictError('COMMENT_DELETED', 'This comment was deleted'),
  pinTopLevel: () => new ConflictError('PIN_TOP_LEVEL_ONLY', 'Only top-level comments can be pinned'),
  pinLimit: (max: number) => new ConflictError('PIN_LIMIT', `At most ${max} comments can be pinned`, { max }),
  invalidCursor: () => new ValidationError('INVALID_CURSOR', 'This page cursor is not valid', { field: 'after' }),
  invalidPageSize: (max: number) =>
    new ValidationError('INVALID_PAGE_SIZE', `A page has 1–${max} comments`, { field: 'first', max }),
};
