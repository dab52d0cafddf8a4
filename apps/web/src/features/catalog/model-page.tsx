import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Badge, ButtonLink, Inline, Notice, Section, Stack, Text, TextLink, buttonStyles, cn } from '@lookbook/web-ui';
import { ModelOwnerFragment } from '../../api/fragments';
import { readFragment } from '../../gql';
import { DiscussionSection } from '../../components/discussion/discussion-section';
import { FollowButton } from '../../components/social/follow-button';
import { formatCount } from '../../components/social/format-count';
import { ReviewsSection } from '../../components/reviews/reviews-section';
import { SaveButton } from '../../components/collections/save-button';
import { LikeButton } from '../../components/social/like-button';
import { modelTypeLabel, sentenceCase } from '../../lib/format';
import { useMe } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import { modelPageQuery } from './api/queries';
import { Gallery } from './components/gallery';
import { ModelParents } from './components/model-parents';
import { VersionDetails } from './components/version-details';
import { VersionOffers } from './components/version-offers';

const route = getRouteApi('/models/$id');

/** A model: gallery, versions (changelog, files, trigger words), licence offers, lineage — from one query. */
export function ModelPage() {
  const { id } = route.useParams();
  const { data } = useSuspenseQuery(modelPageQuery(id));
  const { me, signedIn } = useMe();
  const model = { ...data.styleModel, owner: readFragment(ModelOwnerFragment, data.styleModel.owner) };
  // The chosen version lives in the URL (`?version=`), so a reload or a shared link shows the same one.
  const { version: versionId } = route.useSearch();
  const navigate = useNavigate({ from: '/models/$id' });
  const setVersionId = (id: string) =>
    void navigate({ search: (previous) => ({ ...previous, version: id }), resetScroll: false });
  const version = model.versions.find((v) => v.id === versionId) ?? model.versions[0];
  const isOwner = !!me && me.id === model.owner?.id;
  useTitle(model.name);

  return (
    <Stack as="article" gap={8} data-testid="model-page">
      <Stack as="header">
        <Inline>
          <Badge tone="accent">{modelTypeLabel(model.type)}</Badge>
          <Badge>{model.baseModel.name}</Badge>
          {model.status !== 'PUBLISHED' && <Badge tone="warn">{sentenceCase(model.status)}</Badge>}
        </Inline>
        <h1 className="text-3xl font-semibold tracking-tight">{model.name}</h1>
        <Text>
          by{' '}
          {model.owner ? (
            <TextLink
              to="/u/$handle"
              params={{ handle: model.owner.handle }}
              variant="quiet"
              strong
              className="text-ink"
            >
              {model.owner.displayName}
            </TextLink>
          ) : (
            'a former member'
          )}
          {model.tags.length > 0 && ' · '}
          {model.tags.map((tag) => (
            <TextLink key={tag} to="/browse" search={{ tag }} className="mr-2">
              #{tag}
            </TextLink>
          ))}
        </Text>
        <div className="flex flex-wrap items-center gap-3" data-testid="model-social">
          <LikeButton
            kind="MODEL"
            id={model.id}
            liked={model.viewerHasLiked}
            count={model.likeCount}
            signedIn={signedIn}
            label="this model"
            key={`${model.id}:${model.viewerHasLiked}`}
          />
          <SaveButton kind="MODEL" itemId={model.id} name={model.name} />
          <span className="text-sm text-muted" data-testid="download-count">
            {formatCount(model.downloadCount)} downloads
          </span>
          {model.owner && !isOwner && (
            <FollowButton id={model.owner.id} name={model.owner.displayName} signedIn={signedIn} />
          )}
        </div>
        {isOwner && (
          <ButtonLink
            to="/studio/models/$id"
            params={{ id: model.id }}
            variant="secondary"
            size="sm"
            className="self-start"
          >
            Edit in studio
          </ButtonLink>
        )}
        {model.baseModel.nonCommercial && (
          <Notice tone="warn">
            Built on {model.baseModel.name}, whose licence ({model.baseModel.licenseName}) does not allow commercial use
            of derivatives.
          </Notice>
        )}
      </Stack>
      {model.versions.length > 1 && (
        <Stack direction="row" gap={2} role="group" aria-label="Versions">
          {model.versions.map((v) => (
            <button
              key={v.id}
              type="button"
              aria-pressed={v.id === version?.id}
              onClick={() => setVersionId(v.id)}
              className={cn(buttonStyles(v.id === version?.id ? 'primary' : 'secondary', 'sm'))}
            >
              {v.name}
              {v.status === 'DRAFT' ? ' (draft)' : ''}
            </button>
          ))}
        </Stack>
      )}
      {!version ? (
        <Notice>This model has no versions yet.</Notice>
      ) : (
        // Phones: one column, the licences right after the pictures (before the description and the files); wide
        // screens: pictures and description on the left, licences and files on the right.
        <div className="flex flex-col gap-8 lg:grid lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="contents lg:flex lg:flex-col lg:gap-8">
            <Gallery version={version} modelName={model.name} />
            {model.description && (
              <Section title="About" headingId="about" size="base" gap={2} className="order-3 lg:order-none">
                <Text className="whitespace-pre-line">{model.description}</Text>
              </Section>
            )}
            <div className="order-4 empty:hidden lg:order-none">
              <ModelParents modelId={model.id} />
            </div>
          </div>
          <div className="contents lg:flex lg:flex-col lg:gap-8">
            <div className="order-2 lg:order-none">
              <VersionOffers version={version} signedIn={signedIn} isOwner={isOwner} />
            </div>
            <div className="order-5 lg:order-none">
              <VersionDetails version={version} signedIn={signedIn} />
            </div>
          </div>
        </div>
      )}
      <ReviewsSection kind="MODEL" subjectId={model.id} ownerId={model.owner?.id ?? null} rating={model.rating} />
      {model.status === 'PUBLISHED' && <DiscussionSection kind="MODEL" id={model.id} />}
      {model.status === 'PUBLISHED' && version?.status === 'PUBLISHED' && model.versions.length > 1 && (
        <DiscussionSection kind="VERSION" id={version.id} title={`About ${version.name}`} key={version.id} />
      )}
    </Stack>
  );
}
