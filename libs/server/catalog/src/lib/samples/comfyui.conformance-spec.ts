import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { REFERENCE_DIR, referenceAvailable } from '@lookbook/testing';
import { parseGenerationInfo } from './generation-metadata';
import { sniffImageType } from './sample-image.service';
import { readFileSync } from 'node:fs';

const dir = join(REFERENCE_DIR, 'comfyui');
const present = referenceAvailable('comfyui');
const pngs = present ? readdirSync(dir).filter((f) => f.endsWith('.png')) : [];

// Real ComfyUI outputs (comfyanonymous/ComfyUI_examples): tEXt chunks `prompt` (API graph) and `workflow` (UI graph).
(present ? describe : describe.skip)(`ComfyUI reference images (skipped when ${dir} is absent)`, () => {
  it('finds the samples', () => {
    expect(pngs.length).toBeGreaterThanOrEqual(3);
  });

  it.each(pngs)('reads generation info from %s', async (file) => {
    const bytes = readFileSync(join(dir, file));
    expect(sniffImageType(bytes)).toBe('image/png');
    const meta = await sharp(bytes).metadata();
    const texts = Object.fromEntries((meta.comments ?? []).map((c) => [c.keyword, c.text]));
    expect(Object.keys(texts)).toEqual(expect.arrayContaining(['prompt', 'workflow']));
    const info = parseGenerationInfo({ prompt: texts['prompt'] });
    expect(info).toMatchObject({ tool: 'comfyui' });
    expect(info!.steps).toEqual(expect.any(Number));
    expect(info!.prompt).toEqual(expect.any(String));
    expect(info!.resources.some((r) => r.kind === 'checkpoint')).toBe(true);
  });

  it('names the LoRA and its strength in lora.png', async () => {
    const meta = await sharp(join(dir, 'lora.png')).metadata();
    const prompt = meta.comments!.find((c) => c.keyword === 'prompt')!.text;
    const lora = parseGenerationInfo({ prompt })!.resources.find((r) => r.kind === 'lora');
    expect(lora).toMatchObject({ name: expect.stringMatching(/\.safetensors$/), weight: expect.any(Number) });
  });
});
