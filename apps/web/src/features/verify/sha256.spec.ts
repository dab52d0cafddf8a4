import { createHash, randomBytes } from 'node:crypto';
import { sha256Hex } from './sha256';

describe('sha256Hex', () => {
  it('hashes a file in slices to the same digest as one pass (empty, one slice, across slice boundaries)', async () => {
    for (const size of [0, 1000, 8 * 1024 * 1024, 8 * 1024 * 1024 + 3]) {
      const bytes = randomBytes(size);
      const seen: number[] = [];
      const digest = await sha256Hex(new Blob([bytes]), (done) => seen.push(done));
      expect(digest).toBe(createHash('sha256').update(bytes).digest('hex'));
      if (size > 8 * 1024 * 1024) expect(seen).toEqual([expect.any(Number), 1]);
    }
  });
});
