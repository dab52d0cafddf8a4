import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Button, EmptyState, Notice, PageHeader, Section, Stack, TextField } from '@lookbook/web-ui';
import { CreateCollection, myCollectionsQuery } from '../../api/collections';
import { collectionKeys } from '../../api/keys';
import { CollectionGrid } from '../../components/collections/collection-card';
import { errorMessage } from '../../lib/api-error';
import { execute } from '../../lib/graphql-client';
import { useTitle } from '../../lib/use-title';

/** Your collections: the ones you own, the ones you edit, and invitations waiting for an answer; start a new one. */
export function MyCollectionsPage() {
  useTitle('Your collections');
  const { data } = useSuspenseQuery(myCollectionsQuery());
  const client = useQueryClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const invited = data.filter((c) => c.viewerRole === 'INVITED');
  const own = data.filter((c) => c.viewerRole !== 'INVITED');
  const create = async () => {
    setPending(true);
    setError(null);
    try {
      const made = (await execute(CreateCollection, { input: { title } })).createCollection;
      await client.invalidateQueries({ queryKey: collectionKeys.all });
      await navigate({ to: '/collections/$id', params: { id: made.id } });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="flex flex-col gap-8" data-testid="my-collections-page">
      <PageHeader title="Your collections" subtitle="Models, templates and images you saved, in your order." />
      <Stack
        as="form"
        gap={2}
        className="max-w-md"
        onSubmit={(event) => {
          event.preventDefault();
          if (title.trim()) void create();
        }}
      >
        <TextField label="New collection" value={title} onChange={setTitle} maxLength={100} placeholder="Title" />
        <Button type="submit" variant="primary" size="sm" className="self-start" isPending={pending}>
          Create collection
        </Button>
        {error && <Notice tone="bad">{error}</Notice>}
      </Stack>
      {invited.length > 0 && (
        <Section title="Invitations to edit">
          <CollectionGrid collections={invited} />
        </Section>
      )}
      <Section title="Collections">
        {own.length === 0 ? (
          <EmptyState title="No collections yet">Save something you like, or create a collection above.</EmptyState>
        ) : (
          <CollectionGrid collections={own} />
        )}
      </Section>
    </div>
  );
}
