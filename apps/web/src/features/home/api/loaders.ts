import type { QueryClient } from '@tanstack/react-query';
import { homeSectionQuery } from './queries';

/** Home: the trending row is what the page opens on; the other sections load beside it. */
export function loadHome(client: QueryClient): void {
  void client.prefetchQuery(homeSectionQuery('TRENDING'));
  void client.prefetchQuery(homeSectionQuery('MOST_LIKED'));
}
