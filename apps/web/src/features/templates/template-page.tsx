import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Badge, EmptyState, Inline, PageHeader, Stack, Text, TextLink } from '@lookbook/web-ui';
import { DiscussionSection } from '../../components/discussion/discussion-section';
import { FollowButton } from '../../components/social/follow-button';
import { ReviewsSection } from '../../components/reviews/reviews-section';
import { SaveButton } from '../../components/collections/save-button';
import { LikeButton } from '../../components/social/like-button';
import { useMe } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import { templatePageQuery } from './api/queries';
import { readTemplatePage, shownVersion } from './api/template-view';
import { DraftPanel } from './components/draft-panel';
import { LicencesCard } from './components/licences-card';
import { ParameterForm } from './components/parameter-form';
import { RemixCard } from './components/remix-card';
import { RollupCard } from './components/rollup-card';
import { LineageCard, Lockfile, TemplateSamples, TermsCard } from './components/template-sections';

const route = getRouteApi('/templates/$id');

/** A workflow template: its parameters as a form, the workflow downloaded with them, what it needs, its lineage. */
export function TemplatePage() {
  const { id } = route.useParams();
  const { me } = useMe();
  const page = useSuspenseQuery(templatePageQuery(id, me?.id ?? null));
  const template = readTemplatePage(page.data);
  useTitle(template.name);
  const owner = !!me && template.ownerId === me.id;
  const version = shownVersion(template.versions, owner);

  return (
    <Stack gap={6}>
      <PageHeader
        title={template.name}
        subtitle={
          <Inline as="span">
            {template.owner && (
              <span>
                by{' '}
                <TextLink to="/u/$handle" params={{ handle: template.owner.handle }}>
                  {template.owner.displayName}
                </TextLink>
              </span>
            )}
            <Badge tone={template.status === 'PUBLISHED' ? 'good' : 'neutral'}>{template.status.toLowerCase()}</Badge>
            {template.tags.map((t) => (
              <Badge key={t}>#{t}</Badge>
            ))}
          </Inline>
        }
      />
      {template.status === 'PUBLISHED' && (
        <div className="flex flex-wrap items-center gap-3" data-testid="template-social">
          <LikeButton
            kind="TEMPLATE"
            id={template.id}
            liked={template.viewerHasLiked}
            count={template.likeCount}
            signedIn={!!me}
            label="this template"
            key={`${template.id}:${template.viewerHasLiked}`}
          />
          <SaveButton kind="TEMPLATE" itemId={template.id} name={template.name} />
          {template.owner && !owner && (
            <FollowButton id={template.ownerId} name={template.owner.displayName} signedIn={!!me} />
          )}
          {template.ipId && <FollowButton kind="IP" id={template.ipId} name="this IP" signedIn={!!me} />}
        </div>
      )}
      {version && version.sampleImages.length > 0 && (
        <TemplateSamples images={version.sampleImages} name={template.name} />
      )}
      {template.description && (
        <Text tone="ink" className="max-w-3xl whitespace-pre-line">
          {template.description}
        </Text>
      )}
      {!version ? (
        <EmptyState title="No version yet">
          {owner ? 'Import a ComfyUI workflow or image to make the first version.' : 'Nothing is published here yet.'}
        </EmptyState>
      ) : (
        <>
          {owner && version.status === 'DRAFT' && <DraftPanel version={version} templateId={template.id} />}
          {/* Keyed by the slots: a form started before they were saved starts again with their defaults. */}
          <ParameterForm
            key={`${version.id}:${version.slots.map((s) => s.key).join(',')}`}
            version={version}
            name={template.name}
          />
          <Lockfile version={version} />
          <LicencesCard version={version} name={template.name} terms={template.terms} owner={owner} signedIn={!!me} />
          {version.status === 'PUBLISHED' && <RollupCard versionId={version.id} signedIn={!!me} />}
        </>
      )}
      {template.terms && <TermsCard terms={template.terms} />}
      <LineageCard lineage={page.data.templateLineage} />
      {template.status === 'PUBLISHED' && (
        <ReviewsSection kind="TEMPLATE" subjectId={template.id} ownerId={template.ownerId} rating={template.rating} />
      )}
      {me && !owner && template.status === 'PUBLISHED' && (template.terms?.remixAllowed ?? true) && (
        <RemixCard parentId={template.id} parentName={template.name} />
      )}
      {template.status === 'PUBLISHED' && <DiscussionSection kind="TEMPLATE" id={template.id} />}
      {template.status === 'PUBLISHED' && version?.status === 'PUBLISHED' && (
        <DiscussionSection kind="TEMPLATE_VERSION" id={version.id} title={`About ${version.label}`} key={version.id} />
      )}
    </Stack>
  );
}
