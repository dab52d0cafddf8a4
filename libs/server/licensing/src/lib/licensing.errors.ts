import { ConflictError, NotFoundError, ValidationError } from '@lookbook/kernel';

export const LicensingErrors = {
  offerNotFound: () => new NotFoundError('OFFER_NOT_FOUND', 'Licence offer not found'),
  licenseNotFound: () => new NotFoundError('LICENSE_NOT_FOUND', 'Licence not found'),
  licenseeNotFound: () => new NotFoundError('USER_NOT_FOUND', 'No user with that handle'),
  offerNotAvailable: () =>
    new ConflictError(
      'OFFER_NOT_AVAILABLE',
      'This offer is no longer on sale (it was changed or withdrawn); look at the current offers',
    ),
  exclusivelyLicensed: () =>
    new ConflictError('VERSION_EXCLUSIVELY_LICENSED', 'This version is exclusively licensed: no other licence is sold'),
  alreadyLicensed: () =>
    new ConflictError('ALREADY_LICENSED', 'You already hold an active licence of this tier for this version'),
  ownWork: () => new ValidationError('CANNOT_LICENSE_OWN_WORK', 'Creators do not need a licence to their own work'),
  wrongSource: (message: string) => new ValidationError('WRONG_LICENSE_SOURCE', message),
  alreadyRevoked: () => new ConflictError('LICENSE_ALREADY_REVOKED', 'This licence is already revoked'),
  invalidNote: () => new ValidationError('INVALID_REVOCATION_NOTE', 'A revocation note is at most 500 characters'),
  publishNeedsOffer: () =>
    new ValidationError(
      'PUBLISH_NEEDS_LICENSE_OFFER',
      'Choose at least one licence offer before publishing: there is no default licence',
    ),
  publishedNeedsOffer: () =>
    new ValidationError(
      'PUBLISHED_VERSION_NEEDS_OFFER',
      'A published version keeps at least one offer; unpublish the model to stop offering it',
    ),
  exclusiveWithFree: () =>
    new ValidationError('EXCLUSIVE_WITH_FREE', 'A version given away for free cannot also be sold exclusively'),
};
