import { queryOptions } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import type { TemplateUse } from '../../../gql/graphql';
import { execute } from '../../../lib/graphql-client';
import { templateKeys } from './keys';

const TemplatePageQuery = graphql(`
  query TemplatePage($id: UUID!) {
    template(id: $id) {
      id
      ownerId
      owner {
        ...TemplateOwnerFields
      }
      name
      description
      tags
      status
      ipId
      likeCount
      viewerHasLiked
      rating {
        average
        count
        histogram
      }
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
          ...Image
        }
        slots {
          ...TemplateSlotFields
        }
        suggestedSlots {
          ...TemplateSlotFields
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
          ...LicenceOffer
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

const TemplateRollup = graphql(`
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

const IpConsole = graphql(`
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
          ...TemplateOwnerFields
        }
      }
      parent {
        name
      }
    }
  }
`);

const TemplateSubgraphs = graphql(`
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

/** The workflow (or API prompt) with the parameters set: asked for when it is downloaded. */
export const RenderTemplate = graphql(`
  query RenderTemplate($versionId: UUID!, $params: [TemplateParamInput!]) {
    renderTemplate(versionId: $versionId, params: $params) {
      workflow
      prompt
    }
  }
`);

/**
 * A template page: the template, its versions (what the viewer may see: the owner sees drafts) and its remix tree.
 * Keyed by the viewer, whose licences and drafts it shows.
 */
export const templatePageQuery = (id: string, viewerId: string | null) =>
  queryOptions({ queryKey: templateKeys.page(id, viewerId), queryFn: () => execute(TemplatePageQuery, { id }) });

/** The purpose a template page's roll-up is first asked for. */
export const FIRST_PURPOSE = 'COMMERCIAL' satisfies TemplateUse;

/** What the viewer must hold to use a version for a purpose. */
export const rollupQuery = (versionId: string, purpose: TemplateUse, signedIn: boolean) =>
  queryOptions({
    queryKey: templateKeys.rollup(versionId, purpose, signedIn),
    queryFn: () => execute(TemplateRollup, { versionId, purpose }),
  });

/** The IP owner's console: their IPs, their templates and the remixes waiting for them. */
export const ipConsoleQuery = () =>
  queryOptions({ queryKey: templateKeys.ipConsole(), queryFn: () => execute(IpConsole) });

/** The subgraphs of a template's workflow (only for the one chosen in the bind form: it reads the whole workflow). */
export const subgraphsQuery = (templateId: string) =>
  queryOptions({
    queryKey: templateKeys.subgraphs(templateId),
    queryFn: () => execute(TemplateSubgraphs, { id: templateId }),
    enabled: !!templateId,
  });
