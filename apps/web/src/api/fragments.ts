import { graphql } from '../gql';

/**
 * Selections several documents share that no one component owns (component fragments live beside their component:
 * `Image` with `ResponsiveImage`, `LicenceOffer` with `OfferMatrix`, `ModelCard`, `Gallery`, …). Fragments are masked:
 * read them with `readFragment`.
 */

/** Who published a model: enough to name them and link to their page. */
export const ModelOwnerFragment = graphql(`
  fragment ModelOwnerFields on ModelOwner {
    id
    handle
    displayName
  }
`);

/** Who published a workflow template: enough to name them and link to their page. */
export const TemplateOwnerFragment = graphql(`
  fragment TemplateOwnerFields on TemplateOwner {
    id
    handle
    displayName
  }
`);
