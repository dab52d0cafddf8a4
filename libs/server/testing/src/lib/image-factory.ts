import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** A PNG text chunk as generation tools write them: tEXt (Latin-1), zTXt (deflated), iTXt (UTF-8), APNG `comf`. */
export interface PngTextChunk {
  type: 'tEXt' | 'zTXt' | 'iTXt' | 'comf';
  keyword: string;
  text: string;
  /** iTXt only: deflate the text. */
  compressed?: boolean;
}

function chunk(type: string, data: Buffer): Buffer {
  const name = Buffer.from(type, 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([name, data])) >>> 0);
  return Buffer.concat([length, name, data, crc]);
}

function textChunk({ type, keyword, text, compressed }: PngTextChunk): Buffer {
  const key = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0])]);
  if (type === 'tEXt') return chunk(type, Buffer.concat([key, Buffer.from(text, 'latin1')]));
  if (type === 'comf') return chunk(type, Buffer.concat([key, Buffer.from(text, 'utf8')]));
  if (type === 'zTXt')
    return chunk(type, Buffer.concat([key, Buffer.from([0]), deflateSync(Buffer.from(text, 'latin1'))]));
  const body = compressed ? deflateSync(Buffer.from(text, 'utf8')) : Buffer.from(text, 'utf8');
  // compression flag, method, language tag "en" \0, translated keyword "" \0, then the text
  return chunk(type, Buffer.concat([key, Buffer.from([compressed ? 1 : 0, 0]), Buffer.from('en\0\0', 'latin1'), body]));
}

/** A PNG with the given text chunks; `comf` chunks go after the image data, as ComfyUI's animated PNGs have them. */
export async function pngWithChunks(width: number, height: number, chunks: PngTextChunk[]): Promise<Buffer> {
  const png = await sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } })
    .png()
    .toBuffer();
  const before = chunks.filter((c) => c.type !== 'comf').map(textChunk);
  const after = chunks.filter((c) => c.type === 'comf').map(textChunk);
  const iend = png.length - 12;
  // Signature (8) + IHDR chunk (25): text chunks go right after IHDR.
  return Buffer.concat([png.subarray(0, 33), ...before, png.subarray(33, iend), ...after, png.subarray(iend)]);
}

/** A PNG of the given size, with optional tEXt chunks (e.g. A1111 `parameters`, ComfyUI `prompt`). */
export function pngWithText(width: number, height: number, texts: Record<string, string> = {}): Promise<Buffer> {
  return pngWithChunks(
    width,
    height,
    Object.entries(texts).map(([keyword, text]) => ({ type: 'tEXt', keyword, text })),
  );
}

/** A WebP carrying ComfyUI-style EXIF: `Model` = `prompt:{…}`, `Make` = `workflow:{…}`. */
export function webpWithComfyExif(prompt: string, workflow?: string, animatedFrames = 1): Promise<Buffer> {
  const frame = (r: number) =>
    sharp({ create: { width: 16, height: 16, channels: 3, background: { r, g: 60, b: 90 } } })
      .png()
      .toBuffer();
  const exif = { IFD0: { Model: `prompt:${prompt}`, ...(workflow ? { Make: `workflow:${workflow}` } : {}) } };
  if (animatedFrames <= 1) return frame(40).then((png) => sharp(png).webp().withExif(exif).toBuffer());
  return Promise.all(Array.from({ length: animatedFrames }, (_, i) => frame(40 + i * 30))).then((frames) =>
    sharp(frames, { join: { animated: true } })
      .webp()
      .withExif(exif)
      .toBuffer(),
  );
}

/** A JPEG whose EXIF UserComment holds AUTOMATIC1111 parameters (how A1111 saves JPEGs). */
export function jpegWithUserComment(text: string): Promise<Buffer> {
  return sharp({ create: { width: 16, height: 16, channels: 3, background: { r: 10, g: 20, b: 30 } } })
    .jpeg()
    .withExif({ IFD2: { UserComment: text } })
    .toBuffer();
}

/**
 * A pixel bomb: a real 8×8 PNG whose IHDR claims `width`×`height` (CRC fixed up). A few hundred bytes that would
 * decode to gigabytes: it must be refused from the header, before any decoding.
 */
export async function pixelBombPng(width = 20_000, height = 20_000): Promise<Buffer> {
  const png = Buffer.from(await pngWithText(8, 8));
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
  return png;
}
