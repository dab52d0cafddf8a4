import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/** A PNG of the given size, with optional tEXt chunks (e.g. A1111 `parameters`, ComfyUI `prompt`). */
export async function pngWithText(width: number, height: number, texts: Record<string, string> = {}): Promise<Buffer> {
  const png = await sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } })
    .png()
    .toBuffer();
  const chunks = Object.entries(texts).map(([keyword, text]) => {
    const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')]);
    const type = Buffer.from('tEXt', 'latin1');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([type, data])) >>> 0);
    return Buffer.concat([length, type, data, crc]);
  });
  // Signature (8) + IHDR chunk (25): text chunks go right after IHDR.
  return Buffer.concat([png.subarray(0, 33), ...chunks, png.subarray(33)]);
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
