import { Field, ID, ObjectType } from '@nestjs/graphql';
import { BaseModel } from './catalog-models.objects';

@ObjectType({ description: 'The licence a well-known file is published under (its own, or its base model’s).' })
export class PublishedLicense {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => String, { nullable: true, description: 'What it asks (a revenue cap, use restrictions), in brief.' })
  conditions!: string | null;
  @Field() nonCommercial!: boolean;
}

@ObjectType({
  description:
    'A well-known model file that is not on Lookbook (SD 1.5, SDXL, FLUX.1, SD 3.5, their text encoders and VAEs): ' +
    'by its publisher’s SHA-256, or by file name when none is published.',
})
export class KnownModelFile {
  @Field(() => ID) id!: string;
  @Field() fileName!: string;
  @Field(() => String, { nullable: true, description: 'Null: recognised by file name only.' }) sha256!: string | null;
  @Field() kind!: string;
  @Field() title!: string;
  @Field(() => BaseModel, { nullable: true }) baseModel!: BaseModel | null;
  @Field(() => PublishedLicense) license!: PublishedLicense;
  @Field({ description: 'Where the file is published.' }) sourceUrl!: string;
}
