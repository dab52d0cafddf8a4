import { extractTrainingMetadata } from './training-metadata';

describe('extractTrainingMetadata', () => {
  it('reads kohya-ss and ModelSpec keys into typed fields', () => {
    const meta = extractTrainingMetadata({
      ss_network_module: 'networks.lora',
      ss_network_dim: '32',
      ss_network_alpha: '16.0',
      ss_resolution: '(1024, 1024)',
      ss_num_epochs: '10',
      ss_max_train_steps: '2400',
      ss_num_train_images: '240',
      ss_learning_rate: '0.0001',
      ss_base_model_version: 'sdxl_base_v1-0',
      ss_sd_model_name: 'sd_xl_base_1.0.safetensors',
      'modelspec.architecture': 'stable-diffusion-xl-v1-base/lora',
      'modelspec.title': 'Ink Wash',
      'modelspec.trigger_phrase': 'inkwash style',
      ss_tag_frequency: JSON.stringify({
        '10_inkwash': { 'inkwash style': 240, mountain: 80, '1girl': 12 },
        '5_extra': { mountain: 20 },
      }),
    });
    expect(meta).toMatchObject({
      trainer: 'kohya-ss',
      networkModule: 'networks.lora',
      networkDim: 32,
      networkAlpha: 16,
      resolution: '(1024, 1024)',
      epochs: 10,
      steps: 2400,
      trainImages: 240,
      learningRate: 0.0001,
      baseModelVersion: 'sdxl_base_v1-0',
      architecture: 'stable-diffusion-xl-v1-base/lora',
      title: 'Ink Wash',
      triggerPhrase: 'inkwash style',
    });
    expect(meta.topTags).toEqual([
      { tag: 'inkwash style', count: 240 },
      { tag: 'mountain', count: 100 },
      { tag: '1girl', count: 12 },
    ]);
  });

  it('survives hostile or missing values', () => {
    const meta = extractTrainingMetadata({
      ss_network_dim: 'None',
      ss_network_alpha: 'NaN',
      ss_tag_frequency: '{not json',
      'modelspec.title': 'x'.repeat(10_000),
    });
    expect(meta.networkDim).toBeNull();
    expect(meta.networkAlpha).toBeNull();
    expect(meta.topTags).toEqual([]);
    expect(meta.title).toHaveLength(300);
    expect(extractTrainingMetadata(null).trainer).toBeNull();
    expect(
      extractTrainingMetadata({ ss_tag_frequency: JSON.stringify({ d: { a: 'many', b: -1, c: 2 } }) }).topTags,
    ).toEqual([{ tag: 'c', count: 2 }]);
  });
});
