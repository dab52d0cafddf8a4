import { Module } from '@nestjs/common';
import { CatalogModule } from '@lookbook/catalog';
import { IdentityModule } from '@lookbook/identity';
import { LicensingModule } from '@lookbook/licensing';
import { TemplatesModule } from '@lookbook/templates';
import { BlockRepository } from './blocks/block.repository';
import { BlockResolver } from './blocks/block.resolver';
import { BlockService } from './blocks/block.service';
import { CollectionFollowResolver } from './collections/collection-follow.resolver';
import { CollectionItemRepository } from './collections/collection-item.repository';
import { CollectionItemResolver } from './collections/collection-item.resolver';
import { CollectionItemService } from './collections/collection-item.service';
import { CollectionLimits } from './collections/collection-limits';
import { CollectionLoaders } from './collections/collection.loaders';
import { CollectionMemberService } from './collections/collection-member.service';
import { CollectionMutationResolver } from './collections/collection-mutation.resolver';
import { CollectionRepository } from './collections/collection.repository';
import { CollectionResolver } from './collections/collection.resolver';
import { CollectionService } from './collections/collection.service';
import { CommunityFacade } from './community.facade';
import { CommunityLimits } from './community-limits';
import { CommunityLoaders } from './community.loaders';
import { CounterRepository } from './counters/counter.repository';
import { CommentRepository } from './discussions/comment.repository';
import { CommentService } from './discussions/comment.service';
import { DiscussionResolver } from './discussions/discussion.resolver';
import { RecountCountersJob } from './counters/recount-counters.job';
import { FeedRepository } from './feed/feed.repository';
import { FeedResolver } from './feed/feed.resolver';
import { FeedService } from './feed/feed.service';
import { FollowRepository } from './follows/follow.repository';
import { FollowResolver } from './follows/follow.resolver';
import { FollowService } from './follows/follow.service';
import { ImageSocialResolver } from './likes/image-social.resolver';
import { LikeRepository } from './likes/like.repository';
import { LikeResolver } from './likes/like.resolver';
import { LikeService } from './likes/like.service';
import { ModelSocialResolver } from './likes/model-social.resolver';
import { TemplateSocialResolver } from './likes/template-social.resolver';
import { ProfileMediaController } from './profiles/profile-media.controller';
import { ProfileRepository } from './profiles/profile.repository';
import { ProfileResolver } from './profiles/profile.resolver';
import { ProfileService } from './profiles/profile.service';
import { ModelRatingResolver } from './reviews/model-rating.resolver';
import { ReviewLimits } from './reviews/review-limits';
import { ReviewLoaders } from './reviews/review.loaders';
import { ReviewRepository } from './reviews/review.repository';
import { ReviewResolver } from './reviews/review.resolver';
import { ReviewService } from './reviews/review.service';
import { TemplateRatingResolver } from './reviews/template-rating.resolver';
import { SubjectRepository } from './subjects/subject.repository';

@Module({
  imports: [IdentityModule, CatalogModule, TemplatesModule, LicensingModule],
  controllers: [ProfileMediaController],
  providers: [
    CounterRepository,
    SubjectRepository,
    BlockRepository,
    FollowRepository,
    LikeRepository,
    FeedRepository,
    ProfileRepository,
    CommentRepository,
    CommunityLimits,
    CommunityLoaders,
    BlockService,
    FollowService,
    LikeService,
    FeedService,
    ProfileService,
    CommentService,
    ProfileResolver,
    FollowResolver,
    LikeResolver,
    BlockResolver,
    FeedResolver,
    DiscussionResolver,
    ModelSocialResolver,
    TemplateSocialResolver,
    ImageSocialResolver,
    CommunityFacade,
    ReviewRepository,
    ReviewLimits,
    ReviewLoaders,
    ReviewService,
    ReviewResolver,
    ModelRatingResolver,
    TemplateRatingResolver,
    CollectionRepository,
    CollectionItemRepository,
    CollectionLimits,
    CollectionLoaders,
    CollectionService,
    CollectionItemService,
    CollectionMemberService,
    CollectionResolver,
    CollectionMutationResolver,
    CollectionFollowResolver,
    CollectionItemResolver,
    RecountCountersJob,
  ],
  exports: [CommunityFacade],
})
export class CommunityModule {}
