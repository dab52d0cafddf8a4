import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class ProfileLinkInput {
  @Field(() => String, { nullable: true, description: 'Shown instead of the URL; defaults to its host.' })
  label?: string | null;
  @Field({ description: 'An absolute http(s) URL, at most 300 characters.' }) url!: string;
}

@InputType({ description: 'The profile fields to change; omitted fields stay as they are.' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true, description: '1–80 characters, one line.' }) displayName?: string | null;
  @Field(() => String, { nullable: true, description: 'Plain text, at most 1,000 characters; "" clears it.' })
  bio?: string | null;
  @Field(() => [ProfileLinkInput], { nullable: true, description: 'At most 5; replaces the list.' })
  links?: ProfileLinkInput[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Show how many licences you sold on your profile.' })
  showLicensesSold?: boolean | null;
}
