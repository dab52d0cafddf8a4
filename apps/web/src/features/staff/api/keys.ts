import { scopes } from '../../../api/keys';

export const staffKeys = {
  all: scopes.staff,
  reviewQueue: () => [...scopes.staff, 'review-queue'] as const,
};
