import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import {
  Button,
  Card,
  ConfirmButton,
  Inline,
  NativeSelect,
  Notice,
  SectionHeading,
  Stack,
  TextField,
} from '@lookbook/web-ui';
import { collectionKeys } from '../../../api/keys';
import type { CollectionVisibility } from '../../../gql/graphql';
import { errorMessage } from '../../../lib/api-error';
import { execute } from '../../../lib/graphql-client';
import { DeleteCollection, InviteCollectionEditor, RemoveCollectionEditor, UpdateCollection } from '../api/mutations';
import type { CollectionData } from './types';

/** The owner's controls: title, description, public or private; editors (invite by handle, remove); delete. */
export function CollectionSettings({ collection }: { collection: CollectionData }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState(collection.title);
  const [description, setDescription] = useState(collection.description);
  const [visibility, setVisibility] = useState<CollectionVisibility>(collection.visibility);
  const [handle, setHandle] = useState('');
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const act = async (what: string, work: () => Promise<unknown>, done?: string) => {
    setPending(what);
    setError(null);
    setSaved(null);
    try {
      await work();
      await client.invalidateQueries({ queryKey: collectionKeys.all });
      if (done) setSaved(done);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(null);
    }
  };

  return (
    <Card>
      <SectionHeading description="Only you, the owner, see this.">Collection settings</SectionHeading>
      <Stack gap={6}>
        <Stack
          as="form"
          gap={3}
          className="max-w-xl"
          onSubmit={(event) => {
            event.preventDefault();
            void act(
              'save',
              () => execute(UpdateCollection, { id: collection.id, input: { title, description, visibility } }),
              'Saved.',
            );
          }}
        >
          <TextField label="Title" value={title} onChange={setTitle} maxLength={100} isRequired />
          <TextField
            label="Description"
            multiline
            rows={3}
            value={description}
            onChange={setDescription}
            maxLength={1000}
          />
          <NativeSelect
            label="Who can see it"
            value={visibility}
            onChange={(value) => setVisibility(value as CollectionVisibility)}
            options={[
              { id: 'PRIVATE', label: 'Private: you and your editors' },
              { id: 'PUBLIC', label: 'Public: anyone, and anyone can follow it' },
            ]}
          />
          <Button type="submit" variant="primary" size="sm" className="self-start" isPending={pending === 'save'}>
            Save settings
          </Button>
        </Stack>

        <Stack gap={2} className="max-w-xl">
          <h3 className="text-sm font-semibold text-ink">Editors</h3>
          {collection.editors.length === 0 ? (
            <p className="text-sm text-muted">No editors. Invite someone to curate this with you.</p>
          ) : (
            <ul className="flex flex-col gap-1" data-testid="collection-editors">
              {collection.editors.map((e) => (
                <li key={e.id} className="flex items-center justify-between gap-2 text-sm">
                  <span>
                    {e.displayName} <span className="text-muted">@{e.handle}</span>
                    {e.status === 'INVITED' && <span className="text-muted"> · invited</span>}
                  </span>
                  <Button
                    size="sm"
                    variant="quiet"
                    isPending={pending === e.id}
                    onPress={() =>
                      void act(e.id, () =>
                        execute(RemoveCollectionEditor, { collectionId: collection.id, userId: e.id }),
                      )
                    }
                  >
                    Remove
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <Stack
            as="form"
            gap={2}
            onSubmit={(event) => {
              event.preventDefault();
              void act(
                'invite',
                async () => {
                  await execute(InviteCollectionEditor, { collectionId: collection.id, handle });
                  setHandle('');
                },
                'Invitation sent.',
              );
            }}
          >
            <TextField label="Invite an editor by handle" value={handle} onChange={setHandle} placeholder="@handle" />
            <Button type="submit" size="sm" variant="secondary" className="self-start" isPending={pending === 'invite'}>
              Invite
            </Button>
          </Stack>
        </Stack>

        {error && <Notice tone="bad">{error}</Notice>}
        {saved && <Notice tone="good">{saved}</Notice>}

        <Inline gap={2}>
          <ConfirmButton
            label="Delete collection"
            variant="danger"
            title="Delete this collection?"
            confirmLabel="Delete collection"
            onConfirm={async () => {
              await execute(DeleteCollection, { id: collection.id });
              await client.invalidateQueries({ queryKey: collectionKeys.all });
              await navigate({ to: '/me/collections' });
            }}
          >
            Its items, notes, editors and followers go with it. The models, templates and images stay where they are.
          </ConfirmButton>
        </Inline>
      </Stack>
    </Card>
  );
}
