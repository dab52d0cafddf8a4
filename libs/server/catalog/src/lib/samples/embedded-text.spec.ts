import { deflateSync } from 'node:zlib';
import { jpegWithUserComment, pngWithChunks, webpWithComfyExif } from '@lookbook/testing';
import { MAX_EMBEDDED_TEXT, readEmbeddedTexts } from './embedded-text';

const graph = JSON.stringify({ '1': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'x.safetensors' } } });

describe('embedded generation text', () => {
  it.each([
    ['tEXt', { type: 'tEXt' as const, keyword: 'prompt', text: graph }],
    ['zTXt', { type: 'zTXt' as const, keyword: 'prompt', text: graph }],
    ['iTXt', { type: 'iTXt' as const, keyword: 'prompt', text: graph }],
    ['compressed iTXt', { type: 'iTXt' as const, keyword: 'prompt', text: graph, compressed: true }],
    ['APNG comf after the image data', { type: 'comf' as const, keyword: 'prompt', text: graph }],
  ])('reads a PNG %s chunk', async (_name, chunk) => {
    expect(await readEmbeddedTexts(await pngWithChunks(8, 8, [chunk]))).toEqual({ prompt: graph });
  });

  it('reads UTF-8 text in iTXt and Latin-1 text in tEXt', async () => {
    const texts = await readEmbeddedTexts(
      await pngWithChunks(8, 8, [
        { type: 'iTXt', keyword: 'parameters', text: '水墨画 landscape\nSteps: 20' },
        { type: 'tEXt', keyword: 'Workflow', text: '{"a": "café"}' },
      ]),
    );
    expect(texts.parameters).toBe('水墨画 landscape\nSteps: 20');
    expect(texts.workflow).toBe('{"a": "café"}');
  });

  it('reads ComfyUI graphs from WebP EXIF (Model = prompt:, Make = workflow:)', async () => {
    expect(await readEmbeddedTexts(await webpWithComfyExif(graph, '{"nodes":[]}'))).toEqual({
      prompt: graph,
      workflow: '{"nodes":[]}',
    });
  });

  it('reads AUTOMATIC1111 parameters from JPEG EXIF UserComment', async () => {
    const texts = await readEmbeddedTexts(await jpegWithUserComment('a cat\nSteps: 20, Sampler: Euler a'));
    expect(texts.userComment).toBe('a cat\nSteps: 20, Sampler: Euler a');
  });

  it('cleans NUL and other controls out of embedded text instead of refusing the image', async () => {
    const texts = await readEmbeddedTexts(
      await pngWithChunks(8, 8, [{ type: 'iTXt', keyword: 'prompt', text: '{"1\u0000": "a\u0000b\u202e"}' }]),
    );
    expect(texts.prompt).toBe('{"1": "ab"}');
  });

  it('ignores unknown keys, truncated chunks, corrupt and oversized compressed text', async () => {
    const bomb = deflateSync(Buffer.alloc(MAX_EMBEDDED_TEXT + 10, 0x41));
    const png = await pngWithChunks(8, 8, [
      { type: 'tEXt', keyword: 'Software', text: 'x' },
      { type: 'zTXt', keyword: 'prompt', text: graph },
    ]);
    // Replace the zTXt payload by a decompression bomb (CRC is not checked: a reader must survive either way).
    const bombed = Buffer.from(png.toString('latin1').replace(/zTXtprompt\0\0[\s\S]*?(?=IDAT)/, 'x'), 'latin1');
    expect(await readEmbeddedTexts(bombed)).toEqual({});
    expect(await readEmbeddedTexts(png.subarray(0, 60))).toEqual({});
    expect(await readEmbeddedTexts(Buffer.from('not an image'))).toEqual({});
    expect(bomb.length).toBeLessThan(MAX_EMBEDDED_TEXT);
  });
});
