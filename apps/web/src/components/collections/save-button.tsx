import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from '@tanstack/react-router';
import { useState } from 'react';
import { Button, buttonStyles, Checkbox, Dialog, Notice, Spinner, Stack, TextField } from '@lookbook/web-ui';
import {
  AddToCollection,
  CreateCollection,
  holdingQuery,
  myCollectionsQuery,
  RemoveFromCollection,
} from '../../api/collections';
import { collectionKeys } from '../../api/keys';
import type { CollectionItemKind } from '../../gql/graphql';
import { errorMessage } from '../../lib/api-error';
import { execute } from '../../lib/graphql-client';
import { useMe } from '../../lib/session';

/**
 * Save a model, template or sample image to collections: a button opening a small dialog with your collections
 * (ticked where it already is) and "New collection"; it reads "Saved" once it is in one of yours. Signed out, it leads
 * to sign-in and back.
 */
export function SaveButton({
  kind,
  itemId,
  name,
  size = 'sm',
}: {
  kind: CollectionItemKind;
  itemId: string;
  /** What is saved, for screen readers and the dialog's title. */
  name: string;
  size?: 'sm' | 'md';
}) {
  const { signedIn } = useMe();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  // The ids of your collections holding it; the dialog reads the same cached query.
  const holding = useQuery({ ...holdingQuery(kind, itemId), enabled: signedIn });
  const saved = (holding.data?.length ?? 0) > 0;
  if (!signedIn)
    return (
      <span className="inline-flex self-start">
        <Link to="/sign-in" search={{ next: location.href }} className={buttonStyles('secondary', size)}>
          Save<span className="sr-only"> {name}</span>
        </Link>
      </span>
    );
  return (
    <span className="inline-flex self-start">
      <Button
        variant="secondary"
        size={size}
        onPress={() => setOpen(true)}
        data-testid="save-button"
        data-saved={saved || undefined}
      >
        {saved ? '✓ Saved' : 'Save'}
        <span className="sr-only"> {name}</span>
      </Button>
      {open && (
        <Dialog title="Save to a collection" isOpen={open} onOpenChange={setOpen}>
          <SaveDialogBody kind={kind} itemId={itemId} onClose={() => setOpen(false)} />
        </Dialog>
      )}
    </span>
  );
}

function SaveDialogBody({ kind, itemId, onClose }: { kind: CollectionItemKind; itemId: string; onClose: () => void }) {
  const client = useQueryClient();
  const mine = useQuery(myCollectionsQuery());
  const holding = useQuery(holdingQuery(kind, itemId));
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [creating, setCreating] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: collectionKeys.all });

  const toggle = async (collectionId: string, saved: boolean) => {
    setBusy(collectionId);
    setError(null);
    try {
      if (saved) await execute(RemoveFromCollection, { collectionId, kind, itemId });
      else await execute(AddToCollection, { collectionId, kind, itemId });
      await refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const create = async () => {
    setCreating(true);
    setError(null);
    try {
      const made = (await execute(CreateCollection, { input: { title } })).createCollection;
      await execute(AddToCollection, { collectionId: made.id, kind, itemId });
      setTitle('');
      await refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setCreating(false);
    }
  };

  if (mine.isPending || holding.isPending) return <Spinner label="Loading your collections" />;
  if (mine.isError || holding.isError) return <Notice tone="bad">{errorMessage(mine.error ?? holding.error)}</Notice>;
  const editable = mine.data.filter((c) => c.viewerCan.editItems);
  const saved = new Set(holding.data);
  return (
    <Stack gap={4} data-testid="save-dialog">
      {editable.length === 0 ? (
        <p className="text-sm text-muted">You have no collections yet. Start one below.</p>
      ) : (
        <ul className="flex max-h-64 flex-col gap-2 overflow-y-auto" aria-label="Your collections">
          {editable.map((c) => (
            <li key={c.id} className="flex items-center justify-between gap-2">
              <Checkbox
                isSelected={saved.has(c.id)}
                isDisabled={busy !== null}
                onChange={() => void toggle(c.id, saved.has(c.id))}
              >
                <span className="truncate">{c.title}</span>
                {c.visibility === 'PRIVATE' && <span className="text-xs text-muted"> · Private</span>}
              </Checkbox>
              {busy === c.id && <Spinner label="Saving" />}
            </li>
          ))}
        </ul>
      )}
      <Stack
        as="form"
        gap={2}
        onSubmit={(event) => {
          event.preventDefault();
          if (title.trim()) void create();
        }}
      >
        <TextField label="New collection" value={title} onChange={setTitle} maxLength={100} placeholder="Title" />
        <Button type="submit" variant="secondary" size="sm" className="self-start" isPending={creating}>
          Create and save
        </Button>
      </Stack>
      {error && <Notice tone="bad">{error}</Notice>}
      <Button variant="primary" size="sm" className="self-end" onPress={onClose}>
        Done
      </Button>
    </Stack>
  );
}
