import { QueryFailedError } from 'typeorm';

/** The name of the constraint a failed query violated (unique keys, checks), so repositories map it to a typed error. */
export function violatedConstraint(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;
}
