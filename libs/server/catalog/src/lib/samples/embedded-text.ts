import { inflateSync } from 'node:zlib';
import exifr from 'exifr';
import { sanitizeText } from '@lookbook/kernel';

/**
 * Text that generation tools embed in their images, by key: `parameters` (AUTOMATIC1111/Forge), `prompt` (ComfyUI's
 * API graph), `workflow` (ComfyUI's UI graph), `userComment` (EXIF, A1111 JPEG/WebP). Read from every container the
 * tools write: PNG `tEXt`/`zTXt`/`iTXt` and APNG `comf` chunks; WebP and JPEG EXIF (ComfyUI's `prompt:{…}` in Model
 * 0x0110, `workflow:{…}` in Make 0x010F and further keys in the tags below them; UserComment 0x9286).
 *
 * The bytes are untrusted: every length is bounds-checked, decompression is capped, and the text is sanitised (no NUL
 * or controls reach the database). Nothing here decodes pixels.
 */
export interface EmbeddedTexts {
  parameters?: string;
  prompt?: string;
  workflow?: string;
  userComment?: string;
}

/** One embedded text at most this long (decompressed): real ComfyUI graphs are tens of kilobytes. */
export const MAX_EMBEDDED_TEXT = 4 * 1024 * 1024;
const MAX_CHUNKS = 10_000;
const KEYS = new Set(['parameters', 'prompt', 'workflow']);

export async function readEmbeddedTexts(bytes: Buffer): Promise<EmbeddedTexts> {
  if (isPng(bytes)) return pngTexts(bytes);
  if (isWebp(bytes)) {
    const exif = webpExif(bytes);
    return exif ? exifTexts(exif) : {};
  }
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8) return exifTexts(bytes);
  return {};
}

const isPng = (b: Buffer) => b.length >= 8 && b.readBigUInt64BE(0) === 0x89504e470d0a1a0an;
const isWebp = (b: Buffer) =>
  b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP';

function keep(out: EmbeddedTexts, key: string, text: string | null): void {
  const name = key.trim().toLowerCase();
  if (text === null || !KEYS.has(name) || out[name as keyof EmbeddedTexts] !== undefined) return;
  out[name as keyof EmbeddedTexts] = sanitizeText(text);
}

/** UTF-8 when the bytes are valid UTF-8 (many tools write it into tEXt), Latin-1 (the PNG spec's) otherwise. */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

function inflate(bytes: Buffer): Buffer | null {
  try {
    return inflateSync(bytes, { maxOutputLength: MAX_EMBEDDED_TEXT });
  } catch {
    return null; // corrupt, or a decompression bomb: not a reason to refuse the image
  }
}

function pngTexts(bytes: Buffer): EmbeddedTexts {
  const out: EmbeddedTexts = {};
  let offset = 8;
  for (let count = 0; count < MAX_CHUNKS && offset + 12 <= bytes.length; count += 1) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const start = offset + 8;
    const end = start + length;
    if (end + 4 > bytes.length) break;
    const data = bytes.subarray(start, end);
    if (type === 'IEND') break;
    if (length <= MAX_EMBEDDED_TEXT) readPngTextChunk(type, data, out);
    offset = end + 4;
  }
  return out;
}

function readPngTextChunk(type: string, data: Buffer, out: EmbeddedTexts): void {
  const nul = data.indexOf(0);
  if (nul < 1 || nul > 79) return;
  const key = data.toString('latin1', 0, nul);
  const rest = data.subarray(nul + 1);
  if (type === 'tEXt' || type === 'comf') keep(out, key, decode(rest));
  else if (type === 'zTXt') {
    const text = rest[0] === 0 ? inflate(rest.subarray(1)) : null;
    keep(out, key, text && text.toString('latin1'));
  } else if (type === 'iTXt') {
    // compression flag, compression method, language tag \0, translated keyword \0, text (UTF-8)
    if (rest.length < 2) return;
    const compressed = rest[0] === 1;
    const languageEnd = rest.indexOf(0, 2);
    const translatedEnd = languageEnd < 0 ? -1 : rest.indexOf(0, languageEnd + 1);
    if (translatedEnd < 0) return;
    const body = rest.subarray(translatedEnd + 1);
    const text = compressed ? inflate(body) : body;
    keep(out, key, text && text.toString('utf8'));
  }
}

/** The TIFF structure inside a WebP's EXIF chunk (with or without the JPEG-style `Exif\0\0` prefix). */
function webpExif(bytes: Buffer): Buffer | null {
  let offset = 12;
  for (let count = 0; count < MAX_CHUNKS && offset + 8 <= bytes.length; count += 1) {
    const id = bytes.toString('latin1', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const start = offset + 8;
    if (start + size > bytes.length) return null;
    if (id === 'EXIF') {
      const chunk = bytes.subarray(start, start + size);
      return chunk.toString('latin1', 0, 6) === 'Exif\0\0' ? chunk.subarray(6) : chunk;
    }
    offset = start + size + (size % 2);
  }
  return null;
}

/** ComfyUI's tag values look like `prompt:{…}`; AUTOMATIC1111 keeps its parameters in UserComment. */
async function exifTexts(input: Buffer): Promise<EmbeddedTexts> {
  let parsed: { ifd0?: Record<string, unknown>; userComment?: unknown } | undefined;
  try {
    parsed = (await exifr.parse(input, {
      exif: true,
      userComment: true,
      gps: false,
      interop: false,
      ifd1: false,
      xmp: false,
      icc: false,
      iptc: false,
      translateKeys: false,
      translateValues: false,
      reviveValues: false,
      sanitize: false,
      mergeOutput: false,
    })) as typeof parsed;
  } catch {
    return {}; // unreadable EXIF is not a reason to refuse the image
  }
  const out: EmbeddedTexts = {};
  // 0x0110 Model, 0x010F Make, then ComfyUI's extra keys in decreasing tags.
  const tags = Object.entries(parsed?.ifd0 ?? {}).sort(([a], [b]) => Number(b) - Number(a));
  for (const [, value] of tags) {
    if (typeof value !== 'string' || value.length > MAX_EMBEDDED_TEXT) continue;
    const match = /^([A-Za-z_]{1,40}):/.exec(value);
    if (match) keep(out, match[1]!, value.slice(match[0].length));
  }
  const comment = parsed?.userComment; // 0x9286 in the Exif IFD, charset prefix and all
  if (typeof comment === 'string') out.userComment = sanitizeText(comment);
  else if (comment instanceof Uint8Array) out.userComment = sanitizeText(decodeUserComment(Buffer.from(comment)));
  return out;
}

/** EXIF UserComment: an 8-byte charset prefix ("UNICODE\0" = UTF-16, "ASCII\0\0\0"), then the text. */
export function decodeUserComment(raw: Buffer): string {
  const prefix = raw.toString('latin1', 0, 8);
  const body = raw.subarray(8, 8 + MAX_EMBEDDED_TEXT);
  if (prefix.startsWith('UNICODE')) {
    const bigEndian = body.length > 1 && body[0] === 0 && body[1] !== 0;
    const even = body.subarray(0, body.length - (body.length % 2));
    return bigEndian ? Buffer.from(even).swap16().toString('utf16le') : even.toString('utf16le');
  }
  return body.toString('utf8');
}
