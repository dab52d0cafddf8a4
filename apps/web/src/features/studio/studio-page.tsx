import { useSuspenseInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query';
import {
  Badge,
  Button,
  ButtonLink,
  EmptyState,
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
import { formatDate, modelTypeLabel, sentenceCase } from '../../lib/format';
import { useMe } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import { myModelsQuery, myTemplatesQuery } from './api/queries';

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
  // Signed out meanwhile (the route's loader read who you are): nothing of yours to list.
  if (!me) return <LoadingState />;
  return <Studio ownerId={me.id} />;
}

function Studio({ ownerId }: { ownerId: string }) {
  const models = useSuspenseInfiniteQuery(myModelsQuery(ownerId));
  const nodes = models.data.pages.flatMap((p) => p.styleModels.nodes);
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
      {nodes.length === 0 ? (
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
  const templates = useSuspenseQuery(myTemplatesQuery());
  return (
    <Section title="Workflow templates" headingId="studio-templates">
      {templates.data.myTemplates.length === 0 ? (
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
