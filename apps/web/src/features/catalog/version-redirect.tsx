import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Navigate } from '@tanstack/react-router';
import { ErrorState, LoadingState } from '@lookbook/web-ui';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/api-error';
import { execute } from '../../lib/graphql-client';

const VersionModel = graphql(`
  query VersionModel($id: UUID!) {
    modelVersion(id: $id) {
      modelId
    }
  }
`);
const route = getRouteApi('/versions/$id');

/** A link to a version (credited resources, lineage parents) opens its model's page on that version. */
export function VersionRedirect() {
  const { id } = route.useParams();
  const query = useQuery({ queryKey: ['versionModel', id], queryFn: () => execute(VersionModel, { id }) });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState message={errorMessage(query.error)} />;
  return (
    <Navigate to="/models/$id" params={{ id: query.data.modelVersion.modelId }} search={{ version: id }} replace />
  );
}
