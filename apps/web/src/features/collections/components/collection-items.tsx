import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, EmptyState, Inline, Notice, Stack, TextField, TextLink } from '@lookbook/web-ui';
import { RemoveFromCollection } from '../../../api/collections';
import { collectionKeys } from '../../../api/keys';
import { ModelCard } from '../../../components/model-card';
import { ResponsiveImage } from '../../../components/responsive-image';
import { TemplateCard } from '../../../components/template-card';
import { errorMessage } from '../../../lib/api-error';
import { execute } from '../../../lib/graphql-client';
import { MoveCollectionItem, SetCollectionItemNote } from '../api/mutations';
import type { CollectionData, CollectionItemData } from './types';

/**
 * The items in order, each with its note (plain text: never markup). Owners and editors move items up and down,
 * edit notes and remove items; items no longer available show only to them, marked.
 */
export function CollectionItems({ collection }: { collection: CollectionData }) {
  const client = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = collection.items;
  const canEdit = collection.viewerCan.editItems;

  const act = async (itemId: string, work: () => Promise<unknown>) => {
    setBusy(itemId);
    setError(null);
    try {
      await work();
      await client.invalidateQueries({ queryKey: collectionKeys.all });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  // Moving up puts the item after the one two above (or first); moving down, after the one below.
  const move = (index: number, by: -1 | 1) => {
    const item = items[index]!;
    const afterId = by === -1 ? (index >= 2 ? items[index - 2]!.id : null) : items[index + 1]!.id;
    void act(item.id, () => execute(MoveCollectionItem, { collectionId: collection.id, id: item.id, afterId }));
  };

  if (items.length === 0)
    return (
      <EmptyState title="Nothing here yet">
        {canEdit ? 'Use Save on a model, template or sample image to add it here.' : 'This collection is empty.'}
      </EmptyState>
    );
  return (
    <Stack gap={3}>
      {error && <Notice tone="bad">{error}</Notice>}
      <ol className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="collection-items">
        {items.map((item, index) => (
          <li key={item.id} className="flex flex-col gap-2" data-testid="collection-item">
            <ItemCard item={item} />
            {canEdit ? (
              <NoteEditor
                note={item.note}
                pending={busy === item.id}
                onSave={(note) =>
                  act(item.id, () => execute(SetCollectionItemNote, { collectionId: collection.id, id: item.id, note }))
                }
              />
            ) : (
              item.note && (
                <p className="text-sm whitespace-pre-line text-ink [overflow-wrap:anywhere]" data-testid="item-note">
                  {item.note}
                </p>
              )
            )}
            {canEdit && (
              <Inline gap={1}>
                <Button
                  size="sm"
                  variant="quiet"
                  isDisabled={index === 0 || busy !== null}
                  onPress={() => move(index, -1)}
                  aria-label={`Move item ${index + 1} up`}
                >
                  ↑ Up
                </Button>
                <Button
                  size="sm"
                  variant="quiet"
                  isDisabled={index === items.length - 1 || busy !== null}
                  onPress={() => move(index, 1)}
                  aria-label={`Move item ${index + 1} down`}
                >
                  ↓ Down
                </Button>
                <Button
                  size="sm"
                  variant="quiet"
                  isDisabled={busy !== null}
                  onPress={() =>
                    void act(item.id, () =>
                      execute(RemoveFromCollection, {
                        collectionId: collection.id,
                        kind: item.kind,
                        itemId: item.itemId,
                      }),
                    )
                  }
                  aria-label={`Remove item ${index + 1}`}
                >
                  Remove
                </Button>
              </Inline>
            )}
          </li>
        ))}
      </ol>
    </Stack>
  );
}

function ItemCard({ item }: { item: CollectionItemData }) {
  if (!item.available)
    return (
      <div className="flex aspect-[4/5] items-center justify-center rounded-card border border-dashed border-line p-4 text-center text-sm text-muted">
        No longer available (taken down, unpublished, or hidden from you).
      </div>
    );
  if (item.model) return <ModelCard model={item.model} />;
  if (item.template) return <TemplateCard template={item.template} />;
  if (item.image)
    return (
      <figure className="overflow-hidden rounded-card border border-line bg-surface" data-testid="image-item">
        <div className="aspect-[4/5] overflow-hidden bg-raised">
          <ResponsiveImage image={item.image} alt="A sample image" sizes="(min-width: 1024px) 33vw, 100vw" />
        </div>
        {item.imageModelId && (
          <figcaption className="p-3 text-xs">
            <TextLink to="/models/$id" params={{ id: item.imageModelId }}>
              See the model
            </TextLink>
          </figcaption>
        )}
      </figure>
    );
  return null;
}

function NoteEditor({
  note,
  pending,
  onSave,
}: {
  note: string;
  pending: boolean;
  onSave: (note: string) => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note);
  if (!editing)
    return (
      <div className="flex flex-col gap-1">
        {note && (
          <p className="text-sm whitespace-pre-line text-ink [overflow-wrap:anywhere]" data-testid="item-note">
            {note}
          </p>
        )}
        <Button
          size="sm"
          variant="quiet"
          className="self-start"
          onPress={() => {
            setText(note);
            setEditing(true);
          }}
        >
          {note ? 'Edit note' : 'Add a note'}
        </Button>
      </div>
    );
  return (
    <Stack
      as="form"
      gap={2}
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(text).then(() => setEditing(false));
      }}
    >
      <TextField label="Note" multiline rows={3} value={text} onChange={setText} maxLength={500} />
      <Inline gap={2}>
        <Button type="submit" size="sm" variant="primary" isPending={pending}>
          Save note
        </Button>
        <Button size="sm" variant="quiet" onPress={() => setEditing(false)}>
          Cancel
        </Button>
      </Inline>
    </Stack>
  );
}
