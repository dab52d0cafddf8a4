import { visit } from 'jsonc-parser';

/**
 * Safetensors validation: every rule of the reference parser (huggingface/safetensors `read_metadata` + `validate`),
 * plus duplicate-key rejection and string-only `__metadata__`. Works on the header bytes alone; the caller checks the
 * total size against `expectedFileSize` once the whole stream has been read.
 */

export const MAX_HEADER_BYTES = 100_000_000;

/** Bits per element. Sub-byte types (F4, F6_*) must fill whole bytes per tensor. */
export const DTYPE_BITS: Readonly<Record<string, number>> = {
  BOOL: 8,
  F4: 4,
  F6_E2M3: 6,
  F6_E3M2: 6,
  U8: 8,
  I8: 8,
  F8_E5M2: 8,
  F8_E4M3: 8,
  F8_E8M0: 8,
  I16: 16,
  U16: 16,
  F16: 16,
  BF16: 16,
  I32: 32,
  U32: 32,
  F32: 32,
  F64: 64,
  I64: 64,
  U64: 64,
  C64: 64,
};

export type SafetensorsRejection =
  | 'HEADER_TOO_SMALL'
  | 'HEADER_TOO_LARGE'
  | 'HEADER_BEYOND_EOF'
  | 'HEADER_NOT_UTF8'
  | 'HEADER_NOT_JSON'
  | 'DUPLICATE_KEY'
  | 'INVALID_METADATA'
  | 'INVALID_TENSOR_INFO'
  | 'UNKNOWN_DTYPE'
  | 'INVALID_OFFSETS'
  | 'SHAPE_SIZE_MISMATCH'
  | 'SIZE_OVERFLOW'
  | 'MISALIGNED_TENSOR'
  | 'BUFFER_SIZE_MISMATCH';

export class SafetensorsError extends Error {
  constructor(
    readonly reason: SafetensorsRejection,
    message: string,
  ) {
    super(message);
  }
}

export interface TensorInfo {
  name: string;
  dtype: string;
  shape: number[];
  begin: number;
  end: number;
}

export interface SafetensorsHeader {
  headerLength: number;
  tensors: TensorInfo[];
  metadata: Record<string, string> | null;
  /** 8 + header length + data length: the only valid size for the whole file. */
  expectedFileSize: number;
}

const fail = (reason: SafetensorsRejection, message: string): never => {
  throw new SafetensorsError(reason, message);
};

/** Reads the little-endian u64 header length from the first 8 bytes. */
export function readHeaderLength(first8: Buffer): number {
  if (first8.length < 8) fail('HEADER_TOO_SMALL', 'The file is shorter than the 8-byte header length');
  const n = first8.readBigUInt64LE(0);
  if (n > BigInt(MAX_HEADER_BYTES))
    fail('HEADER_TOO_LARGE', `The header declares ${n} bytes (limit ${MAX_HEADER_BYTES})`);
  return Number(n);
}

// ignoreBOM keeps a leading BOM in the text (the default strips it), so JSON.parse rejects it like the reference.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function assertNoDuplicateKeys(text: string): void {
  const seen: Set<string>[] = [];
  let duplicate: string | undefined;
  visit(text, {
    onObjectBegin: () => {
      seen.push(new Set());
    },
    onObjectEnd: () => {
      seen.pop();
    },
    onObjectProperty: (property) => {
      const keys = seen.at(-1)!;
      if (keys.has(property)) duplicate ??= property;
      keys.add(property);
    },
  });
  if (duplicate !== undefined) fail('DUPLICATE_KEY', `The header repeats the key "${duplicate.slice(0, 100)}"`);
}

const isIndex = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * Parses and validates the header (`headerBytes` = the N bytes after the length prefix) and returns the tensors sorted
 * by offset and the file size the header implies.
 */
export function parseHeader(headerBytes: Buffer, fileSize?: number): SafetensorsHeader {
  let text: string;
  try {
    text = UTF8.decode(headerBytes);
  } catch {
    return fail('HEADER_NOT_UTF8', 'The header is not valid UTF-8');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('HEADER_NOT_JSON', 'The header is not valid JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('HEADER_NOT_JSON', 'The header is not a JSON object');
  }
  assertNoDuplicateKeys(text);

  let metadata: Record<string, string> | null = null;
  const tensors: TensorInfo[] = [];
  for (const [name, value] of Object.entries(json as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        fail('INVALID_METADATA', '__metadata__ must be an object of strings');
      }
      for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
        if (typeof entry !== 'string') fail('INVALID_METADATA', `__metadata__.${key.slice(0, 100)} is not a string`);
      }
      metadata = value as Record<string, string>;
      continue;
    }
    const info = value as { dtype?: unknown; shape?: unknown; data_offsets?: unknown } | null;
    const label = `tensor "${name.slice(0, 100)}"`;
    if (typeof info !== 'object' || info === null || Array.isArray(info))
      fail('INVALID_TENSOR_INFO', `${label} is not an object`);
    const { dtype, shape, data_offsets: offsets } = info!;
    if (typeof dtype !== 'string') return fail('INVALID_TENSOR_INFO', `${label} has no dtype`);
    if (!(dtype in DTYPE_BITS)) fail('UNKNOWN_DTYPE', `${label} has unknown dtype "${dtype.slice(0, 20)}"`);
    if (!Array.isArray(shape)) return fail('INVALID_TENSOR_INFO', `${label} has no shape`);
    if (!shape.every(isIndex)) {
      // Dimensions past 2^53 cannot describe bytes in any file we accept.
      const huge = shape.some((d) => typeof d === 'number' && Number.isInteger(d) && d > Number.MAX_SAFE_INTEGER);
      fail(huge ? 'SIZE_OVERFLOW' : 'INVALID_TENSOR_INFO', `${label} has an invalid shape`);
    }
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isIndex)) {
      return fail('INVALID_TENSOR_INFO', `${label} has invalid data_offsets`);
    }
    tensors.push({ name, dtype, shape: shape as number[], begin: offsets[0] as number, end: offsets[1] as number });
  }

  // Like the reference: order by offsets, then require contiguous coverage from 0 with exact sizes.
  tensors.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let cursor = 0;
  for (const tensor of tensors) {
    if (tensor.begin !== cursor || tensor.end < tensor.begin) {
      fail(
        'INVALID_OFFSETS',
        `tensor "${tensor.name.slice(0, 100)}" does not start where the previous one ends (gap or overlap)`,
      );
    }
    cursor = tensor.end;
    let elements = 1n;
    for (const dim of tensor.shape) elements *= BigInt(dim);
    const bits = elements * BigInt(DTYPE_BITS[tensor.dtype]!);
    if (bits > BigInt(Number.MAX_SAFE_INTEGER) * 8n)
      fail('SIZE_OVERFLOW', `tensor "${tensor.name.slice(0, 100)}" is impossibly large`);
    if (bits % 8n !== 0n) fail('MISALIGNED_TENSOR', `tensor "${tensor.name.slice(0, 100)}" does not fill whole bytes`);
    if (BigInt(tensor.end - tensor.begin) !== bits / 8n) {
      fail(
        'SHAPE_SIZE_MISMATCH',
        `tensor "${tensor.name.slice(0, 100)}": shape × dtype size does not match its byte range`,
      );
    }
  }
  const expectedFileSize = 8 + headerBytes.length + cursor;
  if (fileSize !== undefined) assertFileSize(expectedFileSize, fileSize);
  return { headerLength: headerBytes.length, tensors, metadata, expectedFileSize };
}

export function assertFileSize(expected: number, actual: number): void {
  if (expected !== actual) {
    fail(
      'BUFFER_SIZE_MISMATCH',
      actual > expected
        ? `${actual - expected} bytes follow the last tensor (trailing data is not allowed)`
        : `the tensors need ${expected - actual} more bytes than the file has`,
    );
  }
}

/** Whole-buffer validation (tests, small files): the streaming inspector applies the same steps incrementally. */
export function validateSafetensors(buffer: Buffer): SafetensorsHeader {
  const n = readHeaderLength(buffer.subarray(0, 8));
  if (8 + n > buffer.length) fail('HEADER_BEYOND_EOF', 'The declared header extends past the end of the file');
  return parseHeader(buffer.subarray(8, 8 + n), buffer.length);
}
