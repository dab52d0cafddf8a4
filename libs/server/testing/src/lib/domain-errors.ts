import { DomainError } from '@lookbook/kernel';

/** The DomainError a synchronous call throws, or undefined if it returns; anything else is rethrown. */
export function domainErrorOf(run: () => unknown): DomainError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}
