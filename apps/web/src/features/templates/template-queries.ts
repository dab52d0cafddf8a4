import { graphql } from '../../gql';

export const TemplatePageQuery = graphql(`
  query TemplatePage($id: UUID!) {
    template(id: $id) {
      id
      ownerId
      owner {
        handle
        displayName
      }
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
        sampleImages {
          id
          url
          width
          height
          placeholder
          thumbnails {
            url
            width
            height
          }
        }
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
        myLicenses {
          id
          tier
        }
        licenseOffers {
          id
          tier
          revision
          priceAmount
          priceCurrency
          termsText
          termsSha256
          permissions {
            commercialUse
            derivativesAllowed
            derivativeMayChangeLicense
            creditRequired
            creditLine
            seats
            revenueCap
            printRunCap
          }
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

export const TemplateRollup = graphql(`
  query TemplateRollup($versionId: UUID!, $purpose: TemplateUse!) {
    templateVersion(id: $versionId) {
      id
      licenseRollup(purpose: $purpose) {
        purpose
        verdict
        reasons
        lines {
          kind
          name
          slot
          status
          reason
          resolved {
            matchedBy
            modelId
            modelName
            versionName
          }
          published {
            matchedBy
            title
            fileName
            baseModelName
            sourceUrl
            license {
              name
              url
              conditions
              nonCommercial
            }
          }
          held {
            id
            tier
          }
          offer {
            id
            tier
            priceAmount
            priceCurrency
          }
        }
        missingTotals {
          currency
          amount
          licenses
        }
      }
    }
  }
`);

export const IpConsole = graphql(`
  query IpConsole {
    myIntellectualProperties {
      id
      name
      kind
      description
    }
    myTemplates {
      id
      name
      status
      ipId
      terms {
        ipShareBps
        approval
      }
      ipBinding {
        ipId
        boundAt
        lockedSubgraph {
          name
        }
      }
    }
    remixQueue {
      childId
      parentId
      shareBps
      createdAt
      child {
        name
        owner {
          handle
          displayName
        }
      }
      parent {
        name
      }
    }
  }
`);

/** Only for the template chosen in the bind form: listing subgraphs reads its whole workflow. */
export const TemplateSubgraphs = graphql(`
  query TemplateSubgraphs($id: UUID!) {
    template(id: $id) {
      id
      versions {
        id
        subgraphs {
          id
          name
        }
      }
    }
  }
`);

export const RegisterIp = graphql(`
  mutation RegisterIp($input: RegisterIpInput!) {
    registerIntellectualProperty(input: $input) {
      id
    }
  }
`);

export const BindTemplate = graphql(`
  mutation BindTemplate($templateId: UUID!, $ipId: UUID!, $terms: RemixTermsInput!, $lockedSubgraphId: String) {
    bindTemplateToIp(templateId: $templateId, ipId: $ipId, terms: $terms, lockedSubgraphId: $lockedSubgraphId) {
      id
      ipId
    }
  }
`);

export const UnbindTemplate = graphql(`
  mutation UnbindTemplate($templateId: UUID!) {
    unbindTemplateFromIp(templateId: $templateId) {
      releasedRemixes
      approvedRemixes
      template {
        id
        name
      }
    }
  }
`);

export const DecideRemix = graphql(`
  mutation DecideRemix($templateId: UUID!, $approve: Boolean!) {
    decideRemix(templateId: $templateId, approve: $approve) {
      status
    }
  }
`);
