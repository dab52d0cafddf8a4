import type { QueryClient } from '@tanstack/react-query';
import { baseModelsQuery } from '../../../api/base-models';
import { modelParentsQuery } from '../../../api/model-parents';
import type { BrowseSearch } from '../../../api/search';
import { browseQuery } from '../../../api/search';
import { modelPageQuery, versionModelQuery } from './queries';

/** Browse: the first page of results and its facet counts; the base models' names may follow. */
export async function loadBrowse(client: QueryClient, search: BrowseSearch): Promise<void> {
  void client.prefetchQuery(baseModelsQuery());
  await client.ensureInfiniteQueryData(browseQuery(search));
}

/** A model page, in one request; its declared parents (a section that may come later, or fail alone) meanwhile. */
export async function loadModelPage(client: QueryClient, id: string): Promise<void> {
  void client.prefetchQuery(modelParentsQuery(id));
  await client.ensureQueryData(modelPageQuery(id));
}

/** Which model a version belongs to, to open its page. */
export async function loadVersionRedirect(client: QueryClient, versionId: string): Promise<void> {
  await client.ensureQueryData(versionModelQuery(versionId));
}
