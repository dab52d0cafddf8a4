import { Module } from '@nestjs/common';
import { CatalogModule } from '@lookbook/catalog';
import { IdentityModule } from '@lookbook/identity';
import { TemplatesModule } from '@lookbook/templates';
import { BlockRepository } from './blocks/block.repository';
import { BlockResolver } from './blocks/block.resolver';
import { BlockService } from './blocks/block.service';
import { CommunityFacade } from './community.facade';
import { CommunityLimits } from './community-limits';
import { CommunityLoaders } from './community.loaders';
import { CounterRepository } from './counters/counter.repository';
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
import { SubjectRepository } from './subjects/subject.repository';

@Module({
  imports: [IdentityModule, CatalogModule, TemplatesModule],
  controllers: [ProfileMediaController],
  providers: [
    CounterRepository,
    SubjectRepository,
    BlockRepository,
    FollowRepository,
    LikeRepository,
    FeedRepository,
    ProfileRepository,
    CommunityLimits,
    CommunityLoaders,
    BlockService,
    FollowService,
    LikeService,
    FeedService,
    ProfileService,
    ProfileResolver,
    FollowResolver,
    LikeResolver,
    BlockResolver,
    FeedResolver,
    ModelSocialResolver,
    TemplateSocialResolver,
    ImageSocialResolver,
    CommunityFacade,
    RecountCountersJob,
  ],
  exports: [CommunityFacade],
})
export class CommunityModule {}
