import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError } from '@lookbook/kernel';

export const CatalogErrors = {
  /** Same answer for "does not exist" and "exists but is a draft you cannot see". */
  modelNotFound: () => new NotFoundError('MODEL_NOT_FOUND', 'Model not found'),
  versionNotFound: () => new NotFoundError('VERSION_NOT_FOUND', 'Model version not found'),
  fileNotFound: () => new NotFoundError('FILE_NOT_FOUND', 'File not found'),
  uploadNotFound: () => new NotFoundError('UPLOAD_NOT_FOUND', 'Upload not found'),
  baseModelNotFound: () => new ValidationError('UNKNOWN_BASE_MODEL', 'Unknown base model'),
  invalidName: () => new ValidationError('INVALID_NAME', 'A name is 1–120 characters'),
  invalidSlug: () =>
    new ValidationError(
      'INVALID_SLUG',
      'A slug is lowercase letters, digits and single hyphens, at most 80 characters',
    ),
  slugTaken: () => new ConflictError('SLUG_TAKEN', 'You already have a model with that slug'),
  invalidDescription: () => new ValidationError('INVALID_DESCRIPTION', 'A description is at most 50,000 characters'),
  invalidTags: () => new ValidationError('INVALID_TAGS', 'Up to 20 tags, each 1–40 characters'),
  invalidVersionName: () => new ValidationError('INVALID_VERSION_NAME', 'A version name is 1–80 characters'),
  versionNameTaken: () => new ConflictError('VERSION_NAME_TAKEN', 'This model already has a version with that name'),
  invalidTriggerWords: () =>
    new ValidationError('INVALID_TRIGGER_WORDS', 'Up to 50 trigger words, each 1–100 characters'),
  invalidSettings: () =>
    new ValidationError(
      'INVALID_SETTINGS',
      'Recommended settings are up to 30 keys with short text, number or boolean values',
    ),
  invalidChangelog: () => new ValidationError('INVALID_CHANGELOG', 'A changelog is at most 20,000 characters'),
  invalidParent: () =>
    new ValidationError(
      'INVALID_PARENT',
      'A declared parent must be a published version of another model, listed once',
    ),
  statusTransition: (from: string, to: string) =>
    new ValidationError('INVALID_STATUS_TRANSITION', `A model cannot go from ${from} to ${to}`, { from, to }),
  versionPublished: () =>
    new ConflictError('VERSION_PUBLISHED', 'A published version cannot be changed; create a new version'),
  publishNeedsFiles: () =>
    new ValidationError(
      'PUBLISH_NEEDS_READY_FILES',
      'A version publishes only with at least one model file, all of them READY',
    ),
  publishPolicyMissing: () =>
    new DomainError('PUBLISHING_UNAVAILABLE', 'UNAVAILABLE', 'Publishing is not available in this process'),
  publishNeedsSample: () =>
    new ValidationError('PUBLISH_NEEDS_SAMPLE_IMAGE', 'A version publishes only with at least one sample image'),
  modelNeedsPublishedVersion: () =>
    new ValidationError(
      'MODEL_NEEDS_PUBLISHED_VERSION',
      'Publish a version first; a model goes public with its first published version',
    ),
  invalidFileName: () =>
    new ValidationError(
      'INVALID_FILE_NAME',
      'A file name is 1–200 characters ending in .safetensors, without path separators or control characters',
    ),
  invalidFileSize: (max: number) =>
    new ValidationError('INVALID_FILE_SIZE', `A file is between 1 byte and ${max} bytes`, { max }),
  invalidSha256: () => new ValidationError('INVALID_SHA256', 'A SHA-256 is 64 hexadecimal characters'),
  invalidPartNumbers: (max: number) =>
    new ValidationError('INVALID_PART_NUMBERS', `Ask for 1–100 distinct part numbers between 1 and ${max}`, { max }),
  uploadNotOpen: () => new ConflictError('UPLOAD_NOT_OPEN', 'This upload is already completed or aborted'),
  uploadIncomplete: (missing: readonly string[]) =>
    new ValidationError(
      'UPLOAD_INCOMPLETE',
      'Some parts are missing or have the wrong size; upload them and complete again',
      {
        missing,
      },
    ),
  tooManyFiles: () => new ValidationError('TOO_MANY_FILES', 'A version has at most 20 files'),
  needsLicence: () => new ForbiddenError('LICENSE_REQUIRED', 'Downloading this file needs a licence'),
  fileNotReady: () => new ConflictError('FILE_NOT_READY', 'This file has not passed its checks'),
  invalidBlockReason: () => new ValidationError('INVALID_REASON', 'A reason is 1–500 characters'),
  invalidLabel: (field: string) => new ValidationError('INVALID_LABEL', `${field} is 1–80 characters`, { field }),
  invalidHash: () => new ValidationError('INVALID_HASH', 'Give a SHA-256 (64 hex) or AutoV2 (10 hex) hash'),
  invalidUrl: (field: string) =>
    new ValidationError('INVALID_URL', `${field} is an https:// address of at most 500 characters`, { field }),
  invalidConditions: (field: string) =>
    new ValidationError('INVALID_CONDITIONS', `${field} is one line of at most 300 characters`, { field }),
  invalidKnownFileName: () =>
    new ValidationError('INVALID_FILE_NAME', 'A file name is 1–200 characters, without folders or control characters'),
  invalidKnownFileKind: (kinds: readonly string[]) =>
    new ValidationError('INVALID_KIND', `The kind is one of ${kinds.join(', ')}`, { kinds }),
  knownFileLicenseMissing: () =>
    new ValidationError(
      'KNOWN_FILE_LICENSE_MISSING',
      'A known file names its base model or states its own licence (a name and whether it is non-commercial)',
    ),
  knownFileExists: () =>
    new ConflictError('KNOWN_FILE_EXISTS', 'A known file already has this SHA-256, or this name without a SHA-256'),
  knownFileNotFound: () => new NotFoundError('KNOWN_FILE_NOT_FOUND', 'Known file not found'),
};
