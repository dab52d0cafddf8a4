import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { buildSafetensors, safetensorsWithHeader } from '@lookbook/testing';
import type { InspectionResult } from './inspect-model-file';
import { inspectModelFile } from './inspect-model-file';
import { validateSafetensors } from './safetensors';

async function* chunks(buffer: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}
const inspect = (buffer: Buffer, chunkSize = 7) => inspectModelFile(chunks(buffer, chunkSize));
const reasonOf = (result: InspectionResult) => (result.ok ? 'OK' : result.reason);

const tensor = (name: string, begin: number, end: number, dtype = 'F32', shape = [(end - begin) / 4]) =>
  `"${name}":{"dtype":"${dtype}","shape":${JSON.stringify(shape)},"data_offsets":[${begin},${end}]}`;

describe('safetensors validation', () => {
  const valid = buildSafetensors(
    [
      { name: 'lora_up.weight', dtype: 'F16', shape: [4, 2] },
      { name: 'lora_down.weight', dtype: 'BF16', shape: [2, 4] },
      { name: 'alpha', dtype: 'F32', shape: [] },
    ],
    { metadata: { ss_network_dim: '8' } },
  );

  it('accepts a well-formed file and reports its tensors in offset order', async () => {
    const result = await inspect(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.header.tensors.map((t) => t.name)).toEqual(['lora_up.weight', 'lora_down.weight', 'alpha']);
    expect(result.header.metadata).toEqual({ ss_network_dim: '8' });
    expect(result.autoV2).toBe(result.sha256.slice(0, 10));
    expect(result.crc32).toBe((crc32(valid) >>> 0).toString(16).padStart(8, '0')); // same as zlib's
    expect(result.size).toBe(valid.length);
  });

  it('accepts tensors listed out of offset order, like the reference', () => {
    const file = safetensorsWithHeader(`{${tensor('b', 8, 16)},${tensor('a', 0, 8)}}`, 16);
    expect(validateSafetensors(file).tensors.map((t) => t.name)).toEqual(['a', 'b']);
  });

  const prefixOnly = (n: bigint) => {
    const b = Buffer.alloc(16);
    b.writeBigUInt64LE(n);
    return b;
  };

  it.each<[string, Buffer, string]>([
    ['an empty file', Buffer.alloc(0), 'EMPTY_FILE'],
    ['fewer than 8 bytes', Buffer.from([1, 2, 3]), 'HEADER_TOO_SMALL'],
    ['a header over 100 MB', prefixOnly(100_000_001n), 'HEADER_TOO_LARGE'],
    ['a header length of 2^64-1', prefixOnly(2n ** 64n - 1n), 'HEADER_TOO_LARGE'],
    ['a header beyond the end of the file', prefixOnly(1000n), 'HEADER_BEYOND_EOF'],
    ['a header that is not UTF-8', safetensorsWithHeader('{"a":"\u0000"}', 0).fill(0xff, 8, 12), 'HEADER_NOT_UTF8'],
    ['a header that is not JSON', safetensorsWithHeader('{"a": nope}', 0), 'HEADER_NOT_JSON'],
    ['a header that is a JSON array', safetensorsWithHeader('[1,2,3]', 0), 'HEADER_NOT_JSON'],
    ['a header with a byte-order mark', safetensorsWithHeader('\uFEFF{}', 0), 'HEADER_NOT_JSON'],
    [
      'a duplicate tensor name',
      safetensorsWithHeader(`{${tensor('w', 0, 8)},${tensor('w', 0, 8)}}`, 8),
      'DUPLICATE_KEY',
    ],
    [
      'a duplicate key inside a tensor',
      safetensorsWithHeader('{"w":{"dtype":"F32","dtype":"F32","shape":[2],"data_offsets":[0,8]}}', 8),
      'DUPLICATE_KEY',
    ],
    ['non-string metadata', safetensorsWithHeader('{"__metadata__":{"epochs":10}}', 0), 'INVALID_METADATA'],
    ['metadata that is a string', safetensorsWithHeader('{"__metadata__":"x"}', 0), 'INVALID_METADATA'],
    ['an unknown dtype', safetensorsWithHeader(`{${tensor('w', 0, 8, 'F128', [2])}}`, 8), 'UNKNOWN_DTYPE'],
    ['a missing dtype', safetensorsWithHeader('{"w":{"shape":[2],"data_offsets":[0,8]}}', 8), 'INVALID_TENSOR_INFO'],
    ['a negative dimension', safetensorsWithHeader(`{${tensor('w', 0, 8, 'F32', [-2])}}`, 8), 'INVALID_TENSOR_INFO'],
    [
      'a fractional offset',
      safetensorsWithHeader('{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8.5]}}', 8),
      'INVALID_TENSOR_INFO',
    ],
    [
      'three offsets',
      safetensorsWithHeader('{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,4,8]}}', 8),
      'INVALID_TENSOR_INFO',
    ],
    [
      'a gap between tensors',
      safetensorsWithHeader(`{${tensor('a', 0, 8)},${tensor('b', 12, 20)}}`, 20),
      'INVALID_OFFSETS',
    ],
    [
      'overlapping tensors',
      safetensorsWithHeader(`{${tensor('a', 0, 8)},${tensor('b', 4, 12)}}`, 12),
      'INVALID_OFFSETS',
    ],
    ['data not starting at zero', safetensorsWithHeader(`{${tensor('a', 4, 12)}}`, 12), 'INVALID_OFFSETS'],
    [
      'end before begin',
      safetensorsWithHeader(
        `{${tensor('a', 0, 0, 'F32', [0])},"b":{"dtype":"F32","shape":[0],"data_offsets":[0,-1]}}`,
        0,
      ),
      'INVALID_TENSOR_INFO',
    ],
    [
      'shape × dtype smaller than the range',
      safetensorsWithHeader(`{${tensor('a', 0, 16, 'F32', [2])}}`, 16),
      'SHAPE_SIZE_MISMATCH',
    ],
    [
      'a shape whose product overflows',
      safetensorsWithHeader(`{${tensor('a', 0, 8, 'F32', [2 ** 40, 2 ** 40])}}`, 8),
      'SIZE_OVERFLOW',
    ],
    [
      'a dimension past 2^53',
      safetensorsWithHeader(`{${tensor('a', 0, 8, 'F32', [18446744073709551615])}}`, 8),
      'SIZE_OVERFLOW',
    ],
    [
      'sub-byte tensors that do not fill bytes',
      safetensorsWithHeader(`{${tensor('a', 0, 1, 'F4', [3])}}`, 1),
      'MISALIGNED_TENSOR',
    ],
    [
      'trailing bytes after the last tensor',
      Buffer.concat([buildSafetensors([{ name: 'w', dtype: 'F32', shape: [2] }]), Buffer.from('PK')]),
      'BUFFER_SIZE_MISMATCH',
    ],
    [
      'a truncated data section',
      buildSafetensors([{ name: 'w', dtype: 'F32', shape: [4] }]).subarray(0, -3),
      'BUFFER_SIZE_MISMATCH',
    ],
  ])('rejects %s', async (_name, buffer, reason) => {
    expect(reasonOf(await inspect(buffer))).toBe(reason);
    expect(reasonOf(await inspect(buffer, 1 << 20))).toBe(reason);
  });

  it.each<[string, Buffer, string]>([
    [
      'a pickle (protocol 2)',
      Buffer.from([0x80, 0x02, 0x7d, 0x71, 0x00, 0x28, 0x58, 0x05, 0x00, 0x00]),
      'PICKLE_FORMAT',
    ],
    ['a pickle (protocol 4)', Buffer.concat([Buffer.from([0x80, 0x04, 0x95]), Buffer.alloc(64)]), 'PICKLE_FORMAT'],
    ['a PyTorch zip checkpoint', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200)]), 'ZIP_ARCHIVE'],
    ['a tiny pickle shorter than 8 bytes', Buffer.from([0x80, 0x02, 0x4b, 0x01, 0x2e]), 'PICKLE_FORMAT'],
  ])('rejects %s by content, whatever its name', async (_name, buffer, reason) => {
    expect(reasonOf(await inspect(buffer))).toBe(reason);
  });

  it('checks the declared size and hash', async () => {
    const file = buildSafetensors([{ name: 'w', dtype: 'F32', shape: [8] }], { fill: 'random' });
    const ok = await inspect(file);
    expect(ok.ok).toBe(true);
    const sha256 = ok.ok ? ok.sha256 : '';
    expect(reasonOf(await inspectModelFile(chunks(file, 5), { declaredSize: file.length + 1 }))).toBe(
      'DECLARED_SIZE_MISMATCH',
    );
    expect(reasonOf(await inspectModelFile(chunks(file, 5), { declaredSha256: '0'.repeat(64) }))).toBe(
      'DECLARED_SHA256_MISMATCH',
    );
    expect(
      reasonOf(
        await inspectModelFile(chunks(file, 5), { declaredSha256: sha256.toUpperCase(), declaredSize: file.length }),
      ),
    ).toBe('OK');
  });

  it('gives the same verdict and hashes however the stream is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            dtype: fc.constantFrom('F16', 'BF16', 'F32', 'U8', 'I64', 'BOOL'),
            shape: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
          }),
          { maxLength: 6 },
        ),
        fc.integer({ min: 1, max: 97 }),
        fc.integer({ min: -3, max: 3 }),
        async (specs, chunkSize, sizeDelta) => {
          let file = buildSafetensors(
            specs.map((s, i) => ({ name: `t${i}`, ...s })),
            { fill: 'random' },
          );
          if (sizeDelta > 0) file = Buffer.concat([file, Buffer.alloc(sizeDelta)]);
          if (sizeDelta < 0) file = file.subarray(0, Math.max(0, file.length + sizeDelta));
          const whole = await inspect(file, file.length || 1);
          const chunked = await inspect(file, chunkSize);
          // A rejection's `size` is how far reading got before stopping, so compare verdicts there.
          if (whole.ok) expect(chunked).toEqual(whole);
          else expect(reasonOf(chunked)).toBe(reasonOf(whole));
          expect(whole.ok).toBe(sizeDelta === 0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
