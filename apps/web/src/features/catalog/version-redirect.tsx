import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Navigate } from '@tanstack/react-router';
import { versionModelQuery } from './api/queries';

const route = getRouteApi('/versions/$id');

/** A link to a version (credited resources, lineage parents) opens its model's page on that version. */
export function VersionRedirect() {
  const { id } = route.useParams();
  const { data } = useSuspenseQuery(versionModelQuery(id));
  return <Navigate to="/models/$id" params={{ id: data.modelVersion.modelId }} search={{ version: id }} replace />;
}
