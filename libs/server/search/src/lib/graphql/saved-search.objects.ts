import { Field, ID, ObjectType } from '@nestjs/graphql';
import { SearchSortEnum } from './search.objects';

@ObjectType({
  description:
    'A search a member saved (its words, filters and sort). When a newly published model or template matches it, ' +
    'its owner is notified (SAVED_SEARCH_MATCH), batched: one notification per saved search per run of the alert job.',
})
export class SavedSearch {
  @Field(() => ID) id!: string;
  @Field({ description: 'Its name (given, or made from its words and filters).' }) name!: string;
  @Field({ description: 'The words searched (empty when browsing by filters alone).' }) query!: string;
  @Field(() => SearchSortEnum) sort!: string;
  @Field({ description: 'The browse page address of this search, in its URL state (/browse?q=…).' }) url!: string;
  @Field() createdAt!: Date;
}
