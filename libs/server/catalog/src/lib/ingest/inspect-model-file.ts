import { createHash } from 'node:crypto';
// SIMD CRC32 (crc32fast via napi-rs): ~28 GB/s here against zlib's ~6 GB/s, same results.
import { crc32 } from '@node-rs/crc32';
import type { SafetensorsHeader, SafetensorsRejection } from './safetensors';
import { assertFileSize, MAX_HEADER_BYTES, parseHeader, readHeaderLength, SafetensorsError } from './safetensors';

export type FileRejection =
  | SafetensorsRejection
  | 'PICKLE_FORMAT'
  | 'ZIP_ARCHIVE'
  | 'EMPTY_FILE'
  | 'DECLARED_SIZE_MISMATCH'
  | 'DECLARED_SHA256_MISMATCH';

export interface FileHashes {
  sha256: string;
  /** Civitai-compatible short hash: the first 10 hex characters of the SHA-256. */
  autoV2: string;
  crc32: string;
  size: number;
}

export type InspectionResult =
  | ({ ok: true; header: SafetensorsHeader } & FileHashes)
  | { ok: false; reason: FileRejection; message: string; size: number };

export interface InspectOptions {
  declaredSize?: number;
  declaredSha256?: string;
}

/** Magic numbers of formats that can carry code: never parsed, never loaded. */
function sniffDangerous(head: Buffer): { reason: FileRejection; message: string } | null {
  // Python pickle protocol 2–5 starts with PROTO (0x80) and the protocol number.
  if (head.length >= 2 && head[0] === 0x80 && head[1]! >= 2 && head[1]! <= 5) {
    return {
      reason: 'PICKLE_FORMAT',
      message: 'This is a Python pickle (e.g. .ckpt/.pt/.bin); only .safetensors is accepted',
    };
  }
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) {
    return {
      reason: 'ZIP_ARCHIVE',
      message: 'This is a zip archive (PyTorch .pt/.ckpt format, which holds pickles); only .safetensors is accepted',
    };
  }
  return null;
}

/**
 * Reads a stream once: SHA-256, CRC32 and size over every byte, the safetensors header validated as soon as its bytes
 * arrive (only those are buffered), the total size checked against the header at the end. Stops reading at the first
 * rejection. Memory stays flat whatever the file size.
 */
export async function inspectModelFile(
  stream: AsyncIterable<Buffer> | Iterable<Buffer>,
  options: InspectOptions = {},
): Promise<InspectionResult> {
  const sha = createHash('sha256');
  let crc = 0;
  let size = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let headerLength: number | undefined;
  let header: SafetensorsHeader | undefined;

  const reject = (reason: FileRejection, message: string): InspectionResult => ({ ok: false, reason, message, size });

  try {
    for await (const chunk of stream) {
      sha.update(chunk);
      crc = crc32(chunk, crc);
      size += chunk.length;
      if (header) continue;

      pending.push(chunk);
      pendingBytes += chunk.length;
      if (headerLength === undefined && pendingBytes >= 8) {
        const head = Buffer.concat(pending);
        pending = [head];
        const dangerous = sniffDangerous(head);
        if (dangerous) return reject(dangerous.reason, dangerous.message);
        headerLength = readHeaderLength(head.subarray(0, 8));
      }
      if (headerLength !== undefined && pendingBytes >= 8 + headerLength) {
        const head = Buffer.concat(pending);
        header = parseHeader(head.subarray(8, 8 + headerLength));
        pending = [];
        if (header.expectedFileSize < size) assertFileSize(header.expectedFileSize, size);
      }
    }
    if (size === 0) return reject('EMPTY_FILE', 'The file is empty');
    if (!header) {
      const head = Buffer.concat(pending);
      const dangerous = sniffDangerous(head);
      if (dangerous) return reject(dangerous.reason, dangerous.message);
      if (headerLength === undefined) readHeaderLength(head); // throws HEADER_TOO_SMALL
      return reject('HEADER_BEYOND_EOF', 'The declared header extends past the end of the file');
    }
    assertFileSize(header.expectedFileSize, size);

    const sha256 = sha.digest('hex');
    if (options.declaredSize !== undefined && options.declaredSize !== size) {
      return reject('DECLARED_SIZE_MISMATCH', `The upload declared ${options.declaredSize} bytes but ${size} arrived`);
    }
    if (options.declaredSha256 && options.declaredSha256.toLowerCase() !== sha256) {
      return reject('DECLARED_SHA256_MISMATCH', 'The bytes do not match the declared SHA-256');
    }
    return {
      ok: true,
      header,
      sha256,
      autoV2: sha256.slice(0, 10),
      crc32: (crc >>> 0).toString(16).padStart(8, '0'),
      size,
    };
  } catch (error) {
    if (error instanceof SafetensorsError) return reject(error.reason, error.message);
    throw error; // a storage/read fault, not a verdict on the file
  }
}

export { MAX_HEADER_BYTES };
