import { randomBytes } from 'node:crypto';

export interface TensorSpec {
  name: string;
  dtype: string;
  shape: number[];
}

const BYTES: Record<string, number> = {
  BOOL: 1,
  U8: 1,
  I8: 1,
  F8_E4M3: 1,
  F8_E5M2: 1,
  I16: 2,
  U16: 2,
  F16: 2,
  BF16: 2,
  I32: 4,
  U32: 4,
  F32: 4,
  F64: 8,
  I64: 8,
  U64: 8,
};

/**
 * Builds a valid .safetensors file the way the reference serializer does (header padded with spaces to 8 bytes).
 * `rawHeader` replaces the generated header text verbatim, for malformed cases.
 */
export function buildSafetensors(
  tensors: TensorSpec[],
  options: { metadata?: Record<string, string>; rawHeader?: string; fill?: 'zero' | 'random' } = {},
): Buffer {
  let offset = 0;
  const header: Record<string, unknown> = {};
  if (options.metadata) header['__metadata__'] = options.metadata;
  for (const tensor of tensors) {
    const size = tensor.shape.reduce((a, b) => a * b, 1) * (BYTES[tensor.dtype] ?? 1);
    header[tensor.name] = { dtype: tensor.dtype, shape: tensor.shape, data_offsets: [offset, offset + size] };
    offset += size;
  }
  let text = options.rawHeader ?? JSON.stringify(header);
  text += ' '.repeat((8 - (Buffer.byteLength(text) % 8)) % 8);
  const headerBytes = Buffer.from(text, 'utf8');
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(headerBytes.length));
  const data = options.fill === 'random' ? randomBytes(offset) : Buffer.alloc(offset);
  return Buffer.concat([prefix, headerBytes, data]);
}

/** A file with the given header text and `dataBytes` bytes of payload. */
export function safetensorsWithHeader(text: string, dataBytes: number): Buffer {
  const headerBytes = Buffer.from(text, 'utf8');
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(headerBytes.length));
  return Buffer.concat([prefix, headerBytes, Buffer.alloc(dataBytes)]);
}
