import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, ButtonLink, EmptyState, PageHeader, RuledList, Stack, TextButton } from '@lookbook/web-ui';
import { DeleteSavedSearch, RenameSavedSearch, savedSearchesQuery, savedSearchKeys } from '../../api/saved-searches';
import { errorMessage } from '../../lib/api-error';
import { execute } from '../../lib/graphql-client';
import { useTitle } from '../../lib/use-title';

/** Your saved searches: open, rename or delete them. New matches arrive as notifications, a few at a time. */
export function SavedSearchesPage() {
  const saved = useSuspenseQuery(savedSearchesQuery());
  const searches = saved.data.savedSearches;
  useTitle('Saved searches');
  return (
    <Stack gap={6}>
      <PageHeader
        title="Saved searches"
        subtitle="When something new is published that matches one of these, you get a notification."
      />
      {searches.length === 0 ? (
        <EmptyState
          title="No saved searches yet"
          action={<ButtonLink to="/browse">Browse and save a search</ButtonLink>}
        >
          Search or filter on the browse page, then choose “Save this search”.
        </EmptyState>
      ) : (
        <RuledList framed data-testid="saved-searches">
          {searches.map((s) => (
            <SavedSearchRow key={s.id} search={s} />
          ))}
        </RuledList>
      )}
    </Stack>
  );
}

function SavedSearchRow({ search }: { search: { id: string; name: string; url: string } }) {
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(search.name);
  const done = () => client.invalidateQueries({ queryKey: savedSearchKeys.all });
  const rename = useMutation({
    mutationFn: () => execute(RenameSavedSearch, { id: search.id, name }),
    onSuccess: async () => {
      setEditing(false);
      await done();
    },
  });
  const remove = useMutation({ mutationFn: () => execute(DeleteSavedSearch, { id: search.id }), onSuccess: done });
  const error = rename.error ?? remove.error;
  return (
    <li
      className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between"
      data-testid="saved-search"
    >
      {editing ? (
        <form
          className="flex flex-1 flex-wrap items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            rename.mutate();
          }}
        >
          <label className="sr-only" htmlFor={`name-${search.id}`}>
            Name
          </label>
          <input
            id={`name-${search.id}`}
            value={name}
            maxLength={80}
            onChange={(event) => setName(event.target.value)}
            className="min-w-0 flex-1 rounded-lg border border-line bg-surface px-3 py-1.5 text-sm text-ink"
          />
          <Button type="submit" size="sm" isPending={rename.isPending}>
            Save
          </Button>
          <Button variant="secondary" size="sm" onPress={() => setEditing(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <a href={search.url} className="min-w-0 font-medium break-words text-ink hover:underline">
          {search.name}
        </a>
      )}
      {!editing && (
        <div className="flex gap-3 text-sm">
          <TextButton onClick={() => setEditing(true)}>Rename</TextButton>
          <Button variant="secondary" size="sm" isPending={remove.isPending} onPress={() => remove.mutate()}>
            Delete
          </Button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-bad">
          {errorMessage(error)}
        </p>
      )}
    </li>
  );
}
