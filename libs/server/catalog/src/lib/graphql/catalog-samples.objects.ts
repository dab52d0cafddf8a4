import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
@ObjectType({ description: 'A model a sample image was made with, as its generation metadata names it.' })
export class GenerationResource {
  @Field({
    description:
      'checkpoint, lora, embedding, vae, controlnet, diffusion_model, text_encoder, clip_vision, style_model, gligen, ' +
      'upscaler, hypernetwork or other.',
  })
  kind!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) hash!: string | null;
  @Field(() => Float, { nullable: true }) weight!: number | null;
}

@ObjectType({ description: 'How a sample image was made, parsed from its embedded metadata.' })
export class GenerationInfo {
  @Field() tool!: string;
  @Field(() => String, { nullable: true }) prompt!: string | null;
  @Field(() => String, { nullable: true }) negativePrompt!: string | null;
  @Field(() => Int, { nullable: true }) steps!: number | null;
  @Field(() => String, { nullable: true }) sampler!: string | null;
  @Field(() => String, { nullable: true }) scheduler!: string | null;
  @Field(() => Float, { nullable: true }) cfgScale!: number | null;
  @Field(() => Float, { nullable: true, description: 'Flux guidance (FluxGuidance), when the graph has it.' })
  guidance!: number | null;
  @Field(() => Float, { nullable: true }) denoise!: number | null;
  @Field(() => String, { nullable: true }) seed!: string | null;
  @Field(() => Int, { nullable: true }) width!: number | null;
  @Field(() => Int, { nullable: true }) height!: number | null;
  @Field(() => [GenerationResource]) resources!: GenerationResource[];
}

@ObjectType({ description: 'A WebP rendition of a sample image, for `srcset`.' })
export class Thumbnail {
  @Field(() => Int) width!: number;
  @Field(() => Int) height!: number;
  @Field({ description: 'Stable, content-addressed and cacheable forever.' }) url!: string;
}

@ObjectType()
export class SampleImage {
  @Field(() => ID) id!: string;
  @Field() contentType!: string;
  @Field(() => Int) width!: number;
  @Field(() => Int) height!: number;
  @Field({ description: 'The display image (metadata stripped): stable, content-addressed and cacheable forever.' })
  url!: string;
  @Field(() => [Thumbnail], { description: 'Narrowest first.' }) thumbnails!: Thumbnail[];
  @Field(() => String, {
    nullable: true,
    description: 'A BlurHash (blurha.sh) to paint while the image loads; null for images added before it existed.',
  })
  placeholder!: string | null;
  @Field(() => GenerationInfo, { nullable: true }) generation!: GenerationInfo | null;
  @Field(() => [ID], { description: 'Catalog versions credited automatically from resource hashes in the image.' })
  linkedVersionIds!: string[];
}
