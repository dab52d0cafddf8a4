import { graphql } from '../../../gql';

export const CreateModel = graphql(`
  mutation CreateModel($input: CreateStyleModelInput!) {
    createStyleModel(input: $input) {
      id
    }
  }
`);

export const UpdateModel = graphql(`
  mutation UpdateModel($id: UUID!, $input: UpdateStyleModelInput!) {
    updateStyleModel(id: $id, input: $input) {
      id
    }
  }
`);

export const ChangeStatus = graphql(`
  mutation ChangeModelStatus($id: UUID!, $status: ModelStatus!) {
    changeStyleModelStatus(id: $id, status: $status) {
      id
      status
    }
  }
`);

export const CreateVersion = graphql(`
  mutation CreateVersion($modelId: UUID!, $input: CreateModelVersionInput!) {
    createModelVersion(modelId: $modelId, input: $input) {
      id
    }
  }
`);

export const UpdateVersion = graphql(`
  mutation UpdateVersion($id: UUID!, $input: UpdateModelVersionInput!) {
    updateModelVersion(id: $id, input: $input) {
      id
    }
  }
`);

export const PublishVersion = graphql(`
  mutation PublishVersion($id: UUID!) {
    publishModelVersion(id: $id) {
      id
      status
    }
  }
`);

export const DeriveModel = graphql(`
  mutation DeriveModel($modelId: UUID!, $parentModelId: UUID!, $relation: String!, $shareBps: Int!) {
    deriveModel(modelId: $modelId, parentModelId: $parentModelId, relation: $relation, shareBps: $shareBps) {
      parentId
    }
  }
`);
