import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_DIR, referenceAvailable } from '@lookbook/testing';
import { inspectModelFile } from './inspect-model-file';

const dir = join(REFERENCE_DIR, 'safetensors');
const present = referenceAvailable('safetensors');
const files = present ? readdirSync(dir).filter((f) => f.endsWith('.safetensors')) : [];

// The samples are huggingface/safetensors' own test files (one per dtype, plus `overall` with all of them).
(present ? describe : describe.skip)(`safetensors reference samples (skipped when ${dir} is absent)`, () => {
  it('finds the samples', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('accepts %s with the same tensors and hashes as a plain read', async (file) => {
    const path = join(dir, file);
    const result = await inspectModelFile(createReadStream(path, { highWaterMark: 13 }));
    if (!result.ok) throw new Error(`${file} rejected: ${result.reason} ${result.message}`);
    const bytes = readFileSync(path);
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(result.size).toBe(bytes.length);
    expect(result.header.metadata).toEqual({ test: 'a' });
    expect(result.header.tensors.length).toBeGreaterThan(0);
    const json = JSON.parse(bytes.subarray(8, 8 + Number(bytes.readBigUInt64LE(0))).toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(result.header.tensors.map((t) => t.name).sort()).toEqual(
      Object.keys(json)
        .filter((k) => k !== '__metadata__')
        .sort(),
    );
  });

  it.each(files)('rejects %s with one byte appended or removed', async (file) => {
    const bytes = readFileSync(join(dir, file));
    for (const mutated of [Buffer.concat([bytes, Buffer.from([0])]), bytes.subarray(0, -1)]) {
      const result = await inspectModelFile([mutated]);
      expect(result.ok).toBe(false);
    }
  });
});
