const MIB = 1024 * 1024;

/**
 * Part size for a file: at least 8 MiB (S3's minimum is 5 MiB), growing so no upload needs more than 1,000 parts
 * (10 GB → 10 MiB parts); always whole MiB. Small enough to resume cheaply, large enough to keep request counts low.
 */
export function choosePartSize(size: number): number {
  return Math.max(8 * MIB, Math.ceil(size / 1000 / MIB) * MIB);
}

/** How many parts a file of `size` bytes is uploaded in. */
export const partCountFor = (size: number) => Math.ceil(size / choosePartSize(size));
