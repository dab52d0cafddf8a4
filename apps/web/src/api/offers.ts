import { graphql } from '../gql';

/** A version's licence offers, saved as a whole: a model version's, and a template version's. */
export const SetOffers = graphql(`
  mutation SetOffers($versionId: UUID!, $offers: [LicenseOfferInput!]!) {
    setLicenseOffers(versionId: $versionId, offers: $offers) {
      id
      tier
      revision
    }
  }
`);

export const SetTemplateOffers = graphql(`
  mutation SetTemplateOffers($versionId: UUID!, $offers: [LicenseOfferInput!]!) {
    setTemplateLicenseOffers(versionId: $versionId, offers: $offers) {
      id
      tier
      revision
    }
  }
`);
