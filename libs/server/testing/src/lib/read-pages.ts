/**
 * The documents of the pages buyers live on, as the web client asks for them. The read-path tests hold them to their
 * SQL budgets and `npm run bench` measures them against a hand-written endpoint serving the same JSON.
 */
export const DISCOVER_QUERY = `query Discover($first: Int, $after: String) {
  styleModels(first: $first, after: $after) {
    nodes {
      id slug name type tags publishedAt
      owner { handle displayName }
      baseModel { id name }
      versions {
        id name
        sampleImages { width height placeholder thumbnails { width height url } }
        licenseOffers { tier priceAmount priceCurrency }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const MODEL_PAGE_QUERY = `query ModelPage($id: UUID!) {
  styleModel(id: $id) {
    id slug name description type tags maturity publishedAt
    owner { id handle displayName }
    baseModel { id name licenseName nonCommercial }
    versions {
      id name changelog triggerWords access downloadCount publishedAt
      recommendedSettings { key value }
      files { id role fileName precision sizeBytes sha256 autoV2 }
      sampleImages { id width height url placeholder thumbnails { width height url } linkedVersionIds }
      licenseOffers { id tier priceAmount priceCurrency permissions { commercialUse derivativesAllowed creditRequired } }
    }
  }
}`;

export const LIBRARY_QUERY = `query Library($first: Int) {
  myLicenses(first: $first) {
    nodes {
      id tier status resourceName issuedAt certificate
      licensee { handle }
      permissions { commercialUse derivativesAllowed }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;
