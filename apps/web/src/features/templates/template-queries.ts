import { graphql } from '../../gql';

export const TemplatePageQuery = graphql(`
  query TemplatePage($id: UUID!) {
    template(id: $id) {
      id
      ownerId
      name
      description
      tags
      status
      ipId
      terms {
        remixAllowed
        changeableSlots
        allowedUses
        attribution
        ipShareBps
        maxMaturity
        requiredTags
        approval
      }
      versions {
        id
        label
        status
        hasWorkflow
        hasPrompt
        sourceSha256
        slots {
          key
          nodeId
          widget
          label
          type
          default
          min
          max
          options
          pattern
          maxLength
        }
        suggestedSlots {
          key
          nodeId
          widget
          label
          type
          default
          min
          max
          options
          pattern
          maxLength
        }
        lockfile {
          nodes {
            id
            source
            version
          }
          models {
            slot
            kind
            folder
            name
            sha256
            unused
          }
        }
        warnings {
          code
          message
        }
      }
    }
    templateLineage(id: $id) {
      ancestors {
        parentId
        depth
        status
        shareBps
      }
      descendants {
        childId
        depth
        status
      }
    }
  }
`);

export const RenderTemplate = graphql(`
  query RenderTemplate($versionId: UUID!, $params: [TemplateParamInput!]) {
    renderTemplate(versionId: $versionId, params: $params) {
      workflow
      prompt
    }
  }
`);

export const SetTemplateSlots = graphql(`
  mutation SetTemplateSlots($versionId: UUID!, $slots: [TemplateSlotInput!]!) {
    setTemplateSlots(versionId: $versionId, slots: $slots) {
      id
    }
  }
`);

export const PublishTemplateVersion = graphql(`
  mutation PublishTemplateVersion($versionId: UUID!) {
    publishTemplateVersion(versionId: $versionId) {
      id
      status
    }
  }
`);

export const CreateTemplate = graphql(`
  mutation CreateTemplate($input: CreateTemplateInput!) {
    createTemplate(input: $input) {
      id
    }
  }
`);

export const RemixTemplate = graphql(`
  mutation RemixTemplate($parentId: UUID!, $name: String!, $shareBps: Int!) {
    remixTemplate(parentId: $parentId, name: $name, shareBps: $shareBps) {
      id
    }
  }
`);
