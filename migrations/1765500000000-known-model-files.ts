import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Well-known model files: the files people load in ComfyUI that are not on Lookbook — Stable Diffusion 1.5, SDXL,
 * Pony, Illustrious, FLUX.1 [dev] and [schnell], SD 3.5, and the text encoders and VAEs they share — so the licence
 * checker can say what licence each is published under instead of "unknown". Beside the base models (admins edit both).
 *
 * A row is one published file: by SHA-256 where its publisher's repository states one (every hash below was checked
 * against at least two independent public listings of the same repository file — Hugging Face LFS object ids quoted
 * by download scripts and model registries), or by file name only where we could not find a published hash (marked
 * `sha256 NULL` and said in the comment beside it). A file carries its base model's licence unless it states its own:
 * text encoders and VAEs come from elsewhere (T5 is Google's, Apache-2.0; CLIP ViT-L/14 is OpenAI's, MIT; the Stability
 * AI VAEs are MIT). The FLUX.1 autoencoder `ae.safetensors` is the same file, byte for byte, in the FLUX.1 [dev]
 * repository (non-commercial licence) and the FLUX.1 [schnell] repository (Apache-2.0): whoever has it may use it under
 * Apache-2.0, so its row names the [schnell] release.
 *
 * Base models gain a link to their licence text and an optional short note on its conditions.
 */
export class KnownModelFiles1765500000000 implements MigrationInterface {
  name = 'KnownModelFiles1765500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE catalog.base_model
        ADD COLUMN licence_url text CHECK (licence_url ~ '^https://[^\\s]+$' AND length(licence_url) <= 500),
        ADD COLUMN licence_conditions text CHECK (length(licence_conditions) BETWEEN 1 AND 300)`);
    await db.query(`
      UPDATE catalog.base_model b SET licence_url = v.url, licence_conditions = v.conditions
        FROM (VALUES
          ('sd-1.5', 'https://huggingface.co/spaces/CompVis/stable-diffusion-license',
            'The use restrictions of its Attachment A apply.'),
          ('sdxl-1.0', 'https://huggingface.co/stabilityai/stable-diffusion-xl-base-1.0/blob/main/LICENSE.md',
            'The use restrictions of its Attachment A apply.'),
          ('pony', 'https://freedevproject.org/faipl-1.0-sd/', NULL),
          ('illustrious', 'https://freedevproject.org/faipl-1.0-sd/', NULL),
          ('flux.1-d', 'https://huggingface.co/black-forest-labs/FLUX.1-dev/blob/main/LICENSE.md',
            'Using the model commercially needs a licence from Black Forest Labs.'),
          ('flux.1-s', 'https://www.apache.org/licenses/LICENSE-2.0', NULL),
          ('sd-3.5', 'https://stability.ai/community-license-agreement',
            'Free for commercial use below US$1M annual revenue; above that, an Enterprise licence from Stability AI.')
        ) AS v(id, url, conditions)
       WHERE b.id = v.id`);

    await db.query(`
      CREATE TABLE catalog.known_model_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        file_name text NOT NULL CHECK (file_name ~ '^[^/\\\\\\x01-\\x1f]{1,200}$'),
        sha256 text UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        kind text NOT NULL CHECK (kind IN ('checkpoint', 'diffusion_model', 'text_encoder', 'vae', 'lora',
          'controlnet', 'embedding', 'clip_vision', 'style_model', 'upscaler', 'other')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        base_model_id text REFERENCES catalog.base_model (id),
        licence_name text CHECK (length(licence_name) BETWEEN 1 AND 120),
        licence_url text CHECK (licence_url ~ '^https://[^\\s]+$' AND length(licence_url) <= 500),
        licence_conditions text CHECK (length(licence_conditions) BETWEEN 1 AND 300),
        non_commercial boolean,
        source_url text NOT NULL CHECK (source_url ~ '^https://[^\\s]+$' AND length(source_url) <= 500),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Its own licence, or its base model's: never neither, and a licence is a name with its commercial fact.
        CHECK ((licence_name IS NULL) = (non_commercial IS NULL)),
        CHECK (licence_name IS NOT NULL OR base_model_id IS NOT NULL),
        CHECK (licence_name IS NOT NULL OR (licence_url IS NULL AND licence_conditions IS NULL))
      )`);
    // A name-only row is the one answer for its name; hashed rows may share a name (two publishers' fp8 conversions).
    await db.query(`CREATE INDEX known_model_file_name_idx ON catalog.known_model_file (lower(file_name))`);
    await db.query(`CREATE UNIQUE INDEX known_model_file_name_only_idx ON catalog.known_model_file (lower(file_name))
      WHERE sha256 IS NULL`);
    await db.query(`CREATE TRIGGER public_catalog_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
      ON catalog.known_model_file FOR EACH STATEMENT EXECUTE FUNCTION core.notify_public_catalog_change()`);

    await db.query(`
      INSERT INTO catalog.known_model_file
        (file_name, sha256, kind, title, base_model_id, licence_name, licence_url, non_commercial, source_url) VALUES
        -- Stable Diffusion 1.5 (the RunwayML release, now at stable-diffusion-v1-5/stable-diffusion-v1-5)
        ('v1-5-pruned-emaonly.safetensors', '6ce0161689b3853acaa03779ec93eafe75a02f4ced659bee03f50797806fa2fa',
          'checkpoint', 'Stable Diffusion 1.5 (EMA only)', 'sd-1.5', NULL, NULL, NULL,
          'https://huggingface.co/stable-diffusion-v1-5/stable-diffusion-v1-5'),
        ('v1-5-pruned-emaonly.ckpt', 'cc6cb27103417325ff94f52b7a5d2dde45a7515b25c255d8e396c90014281516',
          'checkpoint', 'Stable Diffusion 1.5 (EMA only)', 'sd-1.5', NULL, NULL, NULL,
          'https://huggingface.co/stable-diffusion-v1-5/stable-diffusion-v1-5'),
        ('v1-5-pruned.safetensors', '1a189f0be69d6106a48548e7626207dddd7042a418dbf372cefd05e0cdba61b6',
          'checkpoint', 'Stable Diffusion 1.5', 'sd-1.5', NULL, NULL, NULL,
          'https://huggingface.co/stable-diffusion-v1-5/stable-diffusion-v1-5'),
        ('v1-5-pruned.ckpt', 'e1441589a6f3c5a53f5f54d0975a18a7feb7cdf0b0dee276dfc3331ae376a053',
          'checkpoint', 'Stable Diffusion 1.5', 'sd-1.5', NULL, NULL, NULL,
          'https://huggingface.co/stable-diffusion-v1-5/stable-diffusion-v1-5'),
        ('vae-ft-mse-840000-ema-pruned.safetensors',
          '735e4c3a447a3255760d7f86845f09f937809baa529c17370d83e4c3758f3c75',
          'vae', 'Stable Diffusion 1.x VAE (ft-MSE)', 'sd-1.5', 'MIT License',
          'https://huggingface.co/stabilityai/sd-vae-ft-mse-original', false,
          'https://huggingface.co/stabilityai/sd-vae-ft-mse-original'),

        -- SDXL 1.0
        ('sd_xl_base_1.0.safetensors', '31e35c80fc4829d14f90153f4c74cd59c90b779f6afe05a74cd6120b893f7e5b',
          'checkpoint', 'SDXL 1.0 base', 'sdxl-1.0', NULL, NULL, NULL,
          'https://huggingface.co/stabilityai/stable-diffusion-xl-base-1.0'),
        ('sd_xl_refiner_1.0.safetensors', '7440042bbdc8a24813002c09b6b69b64dc90fded4472613437b7f55f9b7d9c5f',
          'checkpoint', 'SDXL 1.0 refiner', 'sdxl-1.0', NULL, NULL, NULL,
          'https://huggingface.co/stabilityai/stable-diffusion-xl-refiner-1.0'),
        ('sd_xl_base_1.0_0.9vae.safetensors', 'e6bb9ea85bbf7bf6478a7c6d18b71246f22e95d41bcdd80ed40aa212c33cfeff',
          'checkpoint', 'SDXL 1.0 base (0.9 VAE)', 'sdxl-1.0', NULL, NULL, NULL,
          'https://huggingface.co/stabilityai/stable-diffusion-xl-base-1.0'),
        ('sd_xl_refiner_1.0_0.9vae.safetensors', '8d0ce6c016004cbdacd50f937dad381d8c396628d621a7f97191470532780164',
          'checkpoint', 'SDXL 1.0 refiner (0.9 VAE)', 'sdxl-1.0', NULL, NULL, NULL,
          'https://huggingface.co/stabilityai/stable-diffusion-xl-refiner-1.0'),
        ('sdxl_vae.safetensors', '63aeecb90ff7bc1c115395962d3e803571385b61938377bc7089b36e81e92e2e',
          'vae', 'SDXL VAE', 'sdxl-1.0', 'MIT License', 'https://huggingface.co/stabilityai/sdxl-vae', false,
          'https://huggingface.co/stabilityai/sdxl-vae'),
        -- OpenCLIP ViT-bigG/14: SDXL's second text encoder (text_encoder_2/model.fp16.safetensors, the same bytes),
        -- which SD 3.5 workflows load as clip_g.
        ('clip_g.safetensors', 'ec310df2af79c318e24d20511b601a591ca8cd4f1fce1d8dff822a356bcdb1f4',
          'text_encoder', 'OpenCLIP ViT-bigG/14 text encoder (SDXL 1.0)', 'sdxl-1.0', NULL, NULL, NULL,
          'https://huggingface.co/stabilityai/stable-diffusion-xl-base-1.0'),

        -- Pony Diffusion V6 XL
        ('ponyDiffusionV6XL_v6StartWithThisOne.safetensors',
          '67ab2fd8ec439a89b3fedb15cc65f54336af163c7eb5e4f2acc98f090a29b0b3',
          'checkpoint', 'Pony Diffusion V6 XL', 'pony', NULL, NULL, NULL,
          'https://civitai.com/models/257749/pony-diffusion-v6-xl'),
        -- Illustrious XL v0.1: no published SHA-256 found, matched by file name only.
        ('Illustrious-XL-v0.1.safetensors', NULL,
          'checkpoint', 'Illustrious XL v0.1', 'illustrious', NULL, NULL, NULL,
          'https://huggingface.co/OnomaAIResearch/Illustrious-xl-early-release-v0'),

        -- FLUX.1 [dev]
        ('flux1-dev.safetensors', '4610115bb0c89560703c892c59ac2742fa821e60ef5871b33493ba544683abd7',
          'diffusion_model', 'FLUX.1 [dev]', 'flux.1-d', NULL, NULL, NULL,
          'https://huggingface.co/black-forest-labs/FLUX.1-dev'),
        -- The all-in-one fp8 checkpoint ComfyUI's examples load (Comfy-Org), and Kijai's fp8 diffusion model: one name.
        ('flux1-dev-fp8.safetensors', '8e91b68084b53a7fc44ed2a3756d821e355ac1a7b6fe29be760c1db532f3d88a',
          'checkpoint', 'FLUX.1 [dev] fp8 checkpoint (Comfy-Org)', 'flux.1-d', NULL, NULL, NULL,
          'https://huggingface.co/Comfy-Org/flux1-dev'),
        ('flux1-dev-fp8.safetensors', '1be961341be8f5307ef26c787199f80bf4e0de3c1c0b4617095aa6ee5550dfce',
          'diffusion_model', 'FLUX.1 [dev] fp8 (Kijai)', 'flux.1-d', NULL, NULL, NULL,
          'https://huggingface.co/Kijai/flux-fp8'),
        -- FLUX.1 Kontext [dev] ships under the FLUX.1 [dev] Non-Commercial License; no published SHA-256 found, so by
        -- file name only.
        ('flux1-kontext-dev.safetensors', NULL,
          'diffusion_model', 'FLUX.1 Kontext [dev]', 'flux.1-d', NULL, NULL, NULL,
          'https://huggingface.co/black-forest-labs/FLUX.1-Kontext-dev'),

        -- FLUX.1 [schnell]
        ('flux1-schnell.safetensors', '9403429e0052277ac2a87ad800adece5481eecefd9ed334e1f348723621d2a0a',
          'diffusion_model', 'FLUX.1 [schnell]', 'flux.1-s', NULL, NULL, NULL,
          'https://huggingface.co/black-forest-labs/FLUX.1-schnell'),
        ('flux1-schnell-fp8.safetensors', 'ead426278b49030e9da5df862994f25ce94ab2ee4df38b556ddddb3db093bf72',
          'checkpoint', 'FLUX.1 [schnell] fp8 checkpoint (Comfy-Org)', 'flux.1-s', NULL, NULL, NULL,
          'https://huggingface.co/Comfy-Org/flux1-schnell'),
        ('flux1-schnell-fp8-e4m3fn.safetensors', 'bbdfba27fed8ff3be237523fb37b83821a6c4bbaa1db43ef9288767d0e4042fb',
          'diffusion_model', 'FLUX.1 [schnell] fp8 (Kijai)', 'flux.1-s', NULL, NULL, NULL,
          'https://huggingface.co/Kijai/flux-fp8'),
        -- The FLUX.1 autoencoder: the same bytes in the [dev] and [schnell] repositories; [schnell]'s is Apache-2.0.
        ('ae.safetensors', 'afc8e28272cd15db3919bacdb6918ce9c1ed22e96cb12c4d5ed0fba823529e38',
          'vae', 'FLUX.1 autoencoder (as published with FLUX.1 [schnell])', 'flux.1-s', NULL, NULL, NULL,
          'https://huggingface.co/black-forest-labs/FLUX.1-schnell'),

        -- Text encoders shared by SD 3.x and FLUX.1 (as repackaged in comfyanonymous/flux_text_encoders)
        ('clip_l.safetensors', '660c6f5b1abae9dc498ac2d21e1347d2abdb0cf6c0c0c8576cd796491d9a6cdd',
          'text_encoder', 'CLIP ViT-L/14 text encoder (OpenAI)', NULL, 'MIT License',
          'https://github.com/openai/CLIP/blob/main/LICENSE', false,
          'https://huggingface.co/comfyanonymous/flux_text_encoders'),
        ('t5xxl_fp16.safetensors', '6e480b09fae049a72d2a8c5fbccb8d3e92febeb233bbe9dfe7256958a9167635',
          'text_encoder', 'T5 v1.1 XXL text encoder (Google)', NULL, 'Apache License 2.0',
          'https://huggingface.co/google/t5-v1_1-xxl', false,
          'https://huggingface.co/comfyanonymous/flux_text_encoders'),
        ('t5xxl_fp8_e4m3fn.safetensors', '7d330da4816157540d6bb7838bf63a0f02f573fc48ca4d8de34bb0cbfd514f09',
          'text_encoder', 'T5 v1.1 XXL text encoder, fp8 (Google)', NULL, 'Apache License 2.0',
          'https://huggingface.co/google/t5-v1_1-xxl', false,
          'https://huggingface.co/comfyanonymous/flux_text_encoders'),
        -- No published SHA-256 found for the scaled fp8 T5: matched by file name only.
        ('t5xxl_fp8_e4m3fn_scaled.safetensors', NULL,
          'text_encoder', 'T5 v1.1 XXL text encoder, scaled fp8 (Google)', NULL, 'Apache License 2.0',
          'https://huggingface.co/google/t5-v1_1-xxl', false,
          'https://huggingface.co/comfyanonymous/flux_text_encoders'),

        -- Stable Diffusion 3.5
        ('sd3.5_large.safetensors', 'ffef7a279d9134626e6ce0d494fba84fc1c7e720b3c7df2d19a09dc3796d8f93',
          'checkpoint', 'Stable Diffusion 3.5 Large', 'sd-3.5', NULL, NULL, NULL,
          'https://huggingface.co/stabilityai/stable-diffusion-3.5-large'),
        ('sd3.5_large_fp8_scaled.safetensors', '5ad94d6f951556b1ab6b75930fd4effbafaf3130fe9df440e7f2d05a220dd1be',
          'checkpoint', 'Stable Diffusion 3.5 Large, fp8 (Comfy-Org)', 'sd-3.5', NULL, NULL, NULL,
          'https://huggingface.co/Comfy-Org/stable-diffusion-3.5-fp8'),
        ('sd3.5_medium.safetensors', '11fe06e22364b823dfeedc275912336b932b32a293a0b2f35ffac071990cc4de',
          'checkpoint', 'Stable Diffusion 3.5 Medium', 'sd-3.5', NULL, NULL, NULL,
          'https://huggingface.co/stabilityai/stable-diffusion-3.5-medium'),
        -- Only one listing of a hash for Large Turbo could be found: matched by file name only until a second agrees.
        ('sd3.5_large_turbo.safetensors', NULL,
          'checkpoint', 'Stable Diffusion 3.5 Large Turbo', 'sd-3.5', NULL, NULL, NULL,
          'https://huggingface.co/stabilityai/stable-diffusion-3.5-large-turbo')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE catalog.known_model_file`);
    await db.query(`ALTER TABLE catalog.base_model DROP COLUMN licence_url, DROP COLUMN licence_conditions`);
  }
}
