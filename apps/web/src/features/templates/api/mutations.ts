import { graphql } from '../../../gql';

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

/** One checkout for every licence a template still needs (one currency at a time). */
export const CheckoutOffers = graphql(`
  mutation CheckoutOffers($offerIds: [UUID!]!) {
    checkoutOffers(offerIds: $offerIds) {
      checkoutUrl
      order {
        id
      }
    }
  }
`);
