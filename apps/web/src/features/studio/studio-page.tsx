import { useSuspenseInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Badge, Button, EmptyState, LoadingState, PageHeader, buttonStyles } from '@lookbook/web-ui';
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
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Studio"
        subtitle="Your models, their versions and where each one stands."
        actions={
          <span className="flex flex-wrap gap-2">
            <Link to="/studio/ips" className={buttonStyles('quiet')}>
              Your IPs
            </Link>
            <Link to="/studio/templates/new" className={buttonStyles('secondary')}>
              New workflow template
            </Link>
            <Link to="/studio/new" className={buttonStyles('primary')}>
              New model
            </Link>
          </span>
        }
      />
      {nodes.length === 0 ? (
        <EmptyState
          title="You have not created a model yet"
          action={
            <Link to="/studio/new" className={buttonStyles('primary')}>
              Create your first model
            </Link>
          }
        >
          Upload a LoRA, checkpoint or embedding, add sample images, choose your licences and publish.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-line rounded-card border border-line bg-surface">
          {nodes.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 p-4" data-testid="studio-model">
              <div className="min-w-0">
                <Link to="/studio/models/$id" params={{ id: m.id }} className="font-medium hover:underline">
                  {m.name}
                </Link>
                <p className="text-xs text-muted">
                  {modelTypeLabel(m.type)} · {m.baseModel.name} · {m.versions.length} version
                  {m.versions.length === 1 ? '' : 's'} · updated {formatDate(m.updatedAt)}
                </p>
              </div>
              <div className="flex items-center gap-2">
                <Badge tone={STATUS_TONE[m.status]}>{sentenceCase(m.status)}</Badge>
                <Link to="/models/$id" params={{ id: m.id }} className={buttonStyles('quiet', 'sm')}>
                  View
                </Link>
                <Link to="/studio/models/$id" params={{ id: m.id }} className={buttonStyles('secondary', 'sm')}>
                  Edit
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
      {models.hasNextPage && (
        <Button variant="secondary" className="self-center" onPress={() => void models.fetchNextPage()}>
          Show more
        </Button>
      )}
      <StudioTemplates />
    </div>
  );
}

/** The creator's workflow templates and remixes (drafts too). */
function StudioTemplates() {
  const templates = useSuspenseQuery(myTemplatesQuery());
  return (
    <section aria-labelledby="studio-templates" className="flex flex-col gap-3">
      <h2 id="studio-templates" className="text-lg font-semibold">
        Workflow templates
      </h2>
      {templates.data.myTemplates.length === 0 ? (
        <p className="text-sm text-muted">No templates yet: import a ComfyUI workflow, or remix a published one.</p>
      ) : (
        <ul className="divide-y divide-line rounded-card border border-line bg-surface">
          {templates.data.myTemplates.map((t) => (
            <li
              key={t.id}
              className="flex flex-wrap items-center justify-between gap-3 p-4"
              data-testid="studio-template"
            >
              <Link to="/templates/$id" params={{ id: t.id }} className="font-medium hover:underline">
                {t.name}
              </Link>
              <span className="flex items-center gap-2 text-xs text-muted">
                {t.ipId && <Badge tone="accent">IP-bound</Badge>}
                <Badge tone={t.status === 'PUBLISHED' ? 'good' : 'neutral'}>{sentenceCase(t.status)}</Badge>
                created {formatDate(t.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
