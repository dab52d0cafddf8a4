import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  Badge,
  Button,
  ButtonLink,
  EmptyState,
  ErrorState,
  Inline,
  LoadingState,
  PageHeader,
  RuledList,
  RuledListItem,
  Section,
  Stack,
  Text,
  TextLink,
} from '@lookbook/web-ui';
import { graphql } from '../../gql';
import { errorMessage, isRetryable } from '../../lib/api-error';
import { formatDate, modelTypeLabel, sentenceCase } from '../../lib/format';
import { execute } from '../../lib/graphql-client';
import { useMe } from '../../lib/session';
import { useTitle } from '../../lib/use-title';

const MyTemplates = graphql(`
  query MyTemplates {
    myTemplates {
      id
      name
      status
      ipId
      createdAt
    }
  }
`);

const MyModels = graphql(`
  query MyModels($ownerId: UUID!, $after: String) {
    styleModels(first: 50, after: $after, filter: { ownerId: $ownerId }) {
      nodes {
        id
        name
        type
        status
        updatedAt
        baseModel {
          name
        }
        versions {
          id
          name
          status
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const STATUS_TONE = {
  PUBLISHED: 'good',
  DRAFT: 'warn',
  UNPUBLISHED: 'neutral',
  ARCHIVED: 'neutral',
  TAKEN_DOWN: 'bad',
} as const;

/** A creator's models, drafts included, with where each one stands. */
export function StudioPage() {
  useTitle('Studio');
  const { me } = useMe();
  const models = useInfiniteQuery({
    queryKey: ['studio', 'models', me?.id],
    enabled: !!me,
    queryFn: ({ pageParam }) => execute(MyModels, { ownerId: me!.id, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.styleModels.pageInfo.hasNextPage ? last.styleModels.pageInfo.endCursor : undefined,
  });
  const nodes = models.data?.pages.flatMap((p) => p.styleModels.nodes) ?? [];
  return (
    <Stack gap={6}>
      <PageHeader
        title="Studio"
        subtitle="Your models, their versions and where each one stands."
        actions={
          <Stack as="span" direction="row" gap={2}>
            <ButtonLink to="/studio/ips" variant="quiet">
              Your IPs
            </ButtonLink>
            <ButtonLink to="/studio/templates/new" variant="secondary">
              New workflow template
            </ButtonLink>
            <ButtonLink to="/studio/new">New model</ButtonLink>
          </Stack>
        }
      />
      {!me || models.isPending ? (
        <LoadingState />
      ) : models.isError ? (
        <ErrorState
          message={errorMessage(models.error)}
          onRetry={isRetryable(models.error) ? () => void models.refetch() : undefined}
        />
      ) : nodes.length === 0 ? (
        <EmptyState
          title="You have not created a model yet"
          action={<ButtonLink to="/studio/new">Create your first model</ButtonLink>}
        >
          Upload a LoRA, checkpoint or embedding, add sample images, choose your licences and publish.
        </EmptyState>
      ) : (
        <RuledList framed>
          {nodes.map((m) => (
            <RuledListItem key={m.id} data-testid="studio-model">
              <div className="min-w-0">
                <TextLink to="/studio/models/$id" params={{ id: m.id }} variant="quiet" strong>
                  {m.name}
                </TextLink>
                <Text size="xs">
                  {modelTypeLabel(m.type)} · {m.baseModel.name} · {m.versions.length} version
                  {m.versions.length === 1 ? '' : 's'} · updated {formatDate(m.updatedAt)}
                </Text>
              </div>
              <Inline>
                <Badge tone={STATUS_TONE[m.status]}>{sentenceCase(m.status)}</Badge>
                <ButtonLink to="/models/$id" params={{ id: m.id }} variant="quiet" size="sm">
                  View
                </ButtonLink>
                <ButtonLink to="/studio/models/$id" params={{ id: m.id }} variant="secondary" size="sm">
                  Edit
                </ButtonLink>
              </Inline>
            </RuledListItem>
          ))}
        </RuledList>
      )}
      {models.hasNextPage && (
        <Button variant="secondary" className="self-center" onPress={() => void models.fetchNextPage()}>
          Show more
        </Button>
      )}
      <StudioTemplates />
    </Stack>
  );
}

/** The creator's workflow templates and remixes (drafts too). */
function StudioTemplates() {
  const templates = useQuery({ queryKey: ['template', 'mine'], queryFn: () => execute(MyTemplates) });
  return (
    <Section title="Workflow templates" headingId="studio-templates">
      {templates.isPending ? (
        <LoadingState label="Loading your templates" />
      ) : templates.isError ? (
        <ErrorState
          message={errorMessage(templates.error)}
          onRetry={isRetryable(templates.error) ? () => void templates.refetch() : undefined}
        />
      ) : templates.data.myTemplates.length === 0 ? (
        <Text>No templates yet: import a ComfyUI workflow, or remix a published one.</Text>
      ) : (
        <RuledList framed>
          {templates.data.myTemplates.map((t) => (
            <RuledListItem key={t.id} data-testid="studio-template">
              <TextLink to="/templates/$id" params={{ id: t.id }} variant="quiet" strong>
                {t.name}
              </TextLink>
              <Inline as="span" className="text-xs text-muted">
                {t.ipId && <Badge tone="accent">IP-bound</Badge>}
                <Badge tone={t.status === 'PUBLISHED' ? 'good' : 'neutral'}>{sentenceCase(t.status)}</Badge>
                created {formatDate(t.createdAt)}
              </Inline>
            </RuledListItem>
          ))}
        </RuledList>
      )}
    </Section>
  );
}
