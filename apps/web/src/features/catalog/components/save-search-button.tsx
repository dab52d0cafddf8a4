import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, TextLink } from '@lookbook/web-ui';
import type { BrowseSearch } from '../../../api/search';
import { searchVariables } from '../../../api/search';
import { SaveSearch, savedSearchKeys } from '../../../api/saved-searches';
import { errorMessage } from '../../../lib/api-error';
import { execute } from '../../../lib/graphql-client';
import { useMe } from '../../../lib/session';

/** "Save this search": keeps the page's search (words, filters, sort) to be told of new matches. */
export function SaveSearchButton({ search }: { search: BrowseSearch }) {
  const { signedIn } = useMe();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () => {
      const { query, filters, exclude, sort } = searchVariables(search);
      return execute(SaveSearch, { query, filters, exclude, sort });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: savedSearchKeys.all }),
  });
  if (!signedIn)
    return (
      <TextLink to="/sign-in" search={{ next: '/saved-searches' }} className="text-sm">
        Sign in to save this search
      </TextLink>
    );
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" aria-live="polite">
      {save.isSuccess ? (
        <span data-testid="search-saved">
          Saved as “{save.data.saveSearch.name}”. <TextLink to="/saved-searches">Your saved searches</TextLink>
        </span>
      ) : (
        <Button variant="secondary" size="sm" isPending={save.isPending} onPress={() => save.mutate()}>
          Save this search
        </Button>
      )}
      {save.isError && (
        <span role="alert" className="text-bad">
          {errorMessage(save.error)}
        </span>
      )}
    </div>
  );
}
