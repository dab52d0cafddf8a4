import { v7 as uuidv7, validate, version } from 'uuid';

/** Time-ordered UUIDv7: sorts by creation time, so primary-key indexes stay compact and cursors follow insertion. */
export function newId(): string {
  return uuidv7();
}

export function isUuid(value: string): boolean {
  return validate(value) && version(value) >= 1;
}
