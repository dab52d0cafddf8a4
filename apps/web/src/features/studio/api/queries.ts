import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { execute } from '../../../lib/graphql-client';
import { studioKeys } from './keys';

const MyTemplates = graphql(`
  query MyTemplates {
    myTemplates {
      id
      name
      status
      ipId
      createdAt
    }
  }
`);

const MyModels = graphql(`
  query MyModels($ownerId: UUID!, $after: String) {
    styleModels(first: 50, after: $after, filter: { ownerId: $ownerId }) {
      nodes {
        id
        name
        type
        status
        updatedAt
        baseModel {
          name
        }
        versions {
          id
          name
          status
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const StudioModel = graphql(`
  query StudioModel($id: UUID!) {
    styleModel(id: $id) {
      id
      name
      type
      baseModelId
      description
      tags
      maturity
      status
      versions {
        id
        name
        status
        createdAt
        publishedAt
        files {
          id
        }
        sampleImages {
          id
        }
      }
    }
  }
`);

const StudioVersion = graphql(`
  query StudioVersion($id: UUID!) {
    modelVersion(id: $id) {
      id
      modelId
      name
      status
      changelog
      triggerWords
      recommendedSettings {
        key
        value
      }
      files {
        id
        fileName
        sizeBytes
        declaredSize
        scanStatus
        rejectionMessage
        sha256
      }
      sampleImages {
        id
        ...Image
      }
      licenseOffers {
        ...LicenceOffer
      }
    }
  }
`);

const StudioVersionModel = graphql(`
  query StudioVersionModel($id: UUID!) {
    styleModel(id: $id) {
      id
      name
      status
      baseModel {
        name
        nonCommercial
      }
    }
  }
`);

/** The creator's workflow templates and remixes, drafts too. */
export const myTemplatesQuery = () =>
  queryOptions({ queryKey: studioKeys.templates(), queryFn: () => execute(MyTemplates) });

/** The creator's models, drafts included, 50 at a time. */
export const myModelsQuery = (ownerId: string) =>
  infiniteQueryOptions({
    queryKey: studioKeys.models(ownerId),
    queryFn: ({ pageParam }) => execute(MyModels, { ownerId, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.styleModels.pageInfo.hasNextPage ? last.styleModels.pageInfo.endCursor : undefined,
  });

/** A model as its owner edits it. */
export const studioModelQuery = (id: string) =>
  queryOptions({ queryKey: studioKeys.model(id), queryFn: () => execute(StudioModel, { id }) });

/** A version as its owner edits it (files, samples, offers). */
export const studioVersionQuery = (id: string) =>
  queryOptions({ queryKey: studioKeys.version(id), queryFn: () => execute(StudioVersion, { id }) });

/** The model a version belongs to, as the version's editor names it. */
export const studioVersionModelQuery = (modelId: string) =>
  queryOptions({
    queryKey: studioKeys.modelSummary(modelId),
    queryFn: () => execute(StudioVersionModel, { id: modelId }),
  });
