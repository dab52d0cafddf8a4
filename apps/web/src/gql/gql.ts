/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query BaseModels {\n    baseModels {\n      id\n      name\n      ecosystem\n      nonCommercial\n      licenseName\n    }\n  }\n": typeof types.BaseModelsDocument,
    "\n  mutation Checkout($offerId: UUID!) {\n    checkout(offerId: $offerId) {\n      checkoutUrl\n      order {\n        id\n      }\n    }\n  }\n": typeof types.CheckoutDocument,
    "\n  fragment CollectionCardFields on Collection {\n    id\n    title\n    description\n    visibility\n    itemCount\n    followerCount\n    viewerRole\n    cover {\n      url\n      width\n      height\n      placeholder\n      thumbnails {\n        url\n        width\n        height\n      }\n    }\n    owner {\n      id\n      handle\n      displayName\n    }\n  }\n": typeof types.CollectionCardFieldsFragmentDoc,
    "\n  query FeaturedCollections($first: Int!) {\n    featuredCollections(first: $first) {\n      ...CollectionCardFields\n    }\n  }\n": typeof types.FeaturedCollectionsDocument,
    "\n  query MemberCollections($handle: String!) {\n    memberCollections(handle: $handle, first: 48) {\n      ...CollectionCardFields\n    }\n  }\n": typeof types.MemberCollectionsDocument,
    "\n  query MyCollections {\n    myCollections {\n      ...CollectionCardFields\n      id\n      title\n      visibility\n      viewerRole\n      viewerCan {\n        editItems\n      }\n    }\n  }\n": typeof types.MyCollectionsDocument,
    "\n  query CollectionsHolding($kind: CollectionItemKind!, $itemId: UUID!) {\n    collectionsHolding(kind: $kind, itemId: $itemId)\n  }\n": typeof types.CollectionsHoldingDocument,
    "\n  mutation CreateCollection($input: CreateCollectionInput!) {\n    createCollection(input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.CreateCollectionDocument,
    "\n  mutation AddToCollection($collectionId: UUID!, $kind: CollectionItemKind!, $itemId: UUID!, $note: String) {\n    addToCollection(collectionId: $collectionId, kind: $kind, itemId: $itemId, note: $note) {\n      id\n      itemCount\n    }\n  }\n": typeof types.AddToCollectionDocument,
    "\n  mutation RemoveFromCollection($collectionId: UUID!, $kind: CollectionItemKind!, $itemId: UUID!) {\n    removeFromCollection(collectionId: $collectionId, kind: $kind, itemId: $itemId) {\n      id\n      itemCount\n    }\n  }\n": typeof types.RemoveFromCollectionDocument,
    "\n  fragment CommentFields on Comment {\n    id\n    parentId\n    replyToId\n    depth\n    text\n    createdAt\n    editedAt\n    deleted\n    hidden\n    pinned\n    replyCount\n    viewerIsAuthor\n    author {\n      id\n      handle\n      displayName\n    }\n    body {\n      type\n      parent\n      text\n      href\n      userId\n    }\n  }\n": typeof types.CommentFieldsFragmentDoc,
    "\n  query DiscussionPage($kind: DiscussionSubjectKind!, $id: UUID!, $order: CommentOrder!, $first: Int!, $after: String) {\n    discussion(subjectKind: $kind, subjectId: $id, order: $order, first: $first, after: $after) {\n      commentCount\n      viewerIsCreator\n      endCursor\n      hasMore\n      comments {\n        ...CommentFields\n        replies {\n          ...CommentFields\n          replies {\n            ...CommentFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.DiscussionPageDocument,
    "\n  query MoreReplies($id: UUID!, $first: Int!, $after: String) {\n    commentReplies(commentId: $id, first: $first, after: $after) {\n      endCursor\n      hasMore\n      replies {\n        ...CommentFields\n        replies {\n          ...CommentFields\n        }\n      }\n    }\n  }\n": typeof types.MoreRepliesDocument,
    "\n  query CommentPreview($text: String!) {\n    commentPreview(text: $text) {\n      type\n      parent\n      text\n      href\n      userId\n    }\n  }\n": typeof types.CommentPreviewDocument,
    "\n  mutation PostComment($input: PostCommentInput!) {\n    postComment(input: $input) {\n      id\n    }\n  }\n": typeof types.PostCommentDocument,
    "\n  mutation EditComment($id: UUID!, $text: String!) {\n    editComment(id: $id, text: $text) {\n      id\n    }\n  }\n": typeof types.EditCommentDocument,
    "\n  mutation DeleteComment($id: UUID!) {\n    deleteComment(id: $id) {\n      id\n      removed\n    }\n  }\n": typeof types.DeleteCommentDocument,
    "\n  mutation PinComment($id: UUID!, $pinned: Boolean!) {\n    pinComment(id: $id, pinned: $pinned) {\n      id\n    }\n  }\n": typeof types.PinCommentDocument,
    "\n  mutation HideComment($id: UUID!, $hidden: Boolean!) {\n    hideComment(id: $id, hidden: $hidden) {\n      id\n    }\n  }\n": typeof types.HideCommentDocument,
    "\n  fragment ModelOwnerFields on ModelOwner {\n    id\n    handle\n    displayName\n  }\n": typeof types.ModelOwnerFieldsFragmentDoc,
    "\n  fragment TemplateOwnerFields on TemplateOwner {\n    id\n    handle\n    displayName\n  }\n": typeof types.TemplateOwnerFieldsFragmentDoc,
    "\n  query PublicModelParents($modelId: UUID!) {\n    modelParents(modelId: $modelId) {\n      parentId\n      relation\n      shareBps\n      parentModel {\n        id\n        name\n        owner {\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.PublicModelParentsDocument,
    "\n  mutation SetOffers($versionId: UUID!, $offers: [LicenseOfferInput!]!) {\n    setLicenseOffers(versionId: $versionId, offers: $offers) {\n      id\n      tier\n      revision\n    }\n  }\n": typeof types.SetOffersDocument,
    "\n  mutation SetTemplateOffers($versionId: UUID!, $offers: [LicenseOfferInput!]!) {\n    setTemplateLicenseOffers(versionId: $versionId, offers: $offers) {\n      id\n      tier\n      revision\n    }\n  }\n": typeof types.SetTemplateOffersDocument,
    "\n  fragment ReviewFields on Review {\n    id\n    subjectKind\n    subjectId\n    subjectName\n    author {\n      id\n      handle\n      displayName\n    }\n    rating\n    body\n    licenseTier\n    verified\n    helpfulCount\n    viewerFoundHelpful\n    editCount\n    createdAt\n    editedAt\n    reply {\n      body\n      repliedAt\n      editedAt\n    }\n  }\n": typeof types.ReviewFieldsFragmentDoc,
    "\n  query SubjectReviews($kind: ReviewSubjectKind!, $subjectId: UUID!, $first: Int!, $after: String) {\n    reviews(kind: $kind, subjectId: $subjectId, first: $first, after: $after) {\n      nodes {\n        ...ReviewFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SubjectReviewsDocument,
    "\n  query MemberReviews($userId: UUID!, $first: Int!, $after: String) {\n    memberReviews(userId: $userId, first: $first, after: $after) {\n      nodes {\n        ...ReviewFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MemberReviewsDocument,
    "\n  query ReviewEligibility($kind: ReviewSubjectKind!, $subjectId: UUID!) {\n    reviewEligibility(kind: $kind, subjectId: $subjectId) {\n      canReview\n      reason\n      licenseTier\n      review {\n        ...ReviewFields\n      }\n    }\n  }\n": typeof types.ReviewEligibilityDocument,
    "\n  query ReviewRevisions($reviewId: UUID!) {\n    reviewRevisions(reviewId: $reviewId) {\n      revision\n      rating\n      body\n      writtenAt\n    }\n  }\n": typeof types.ReviewRevisionsDocument,
    "\n  mutation WriteReview($kind: ReviewSubjectKind!, $subjectId: UUID!, $input: ReviewInput!) {\n    writeReview(kind: $kind, subjectId: $subjectId, input: $input) {\n      ...ReviewFields\n    }\n  }\n": typeof types.WriteReviewDocument,
    "\n  mutation EditReview($reviewId: UUID!, $input: ReviewInput!) {\n    editReview(reviewId: $reviewId, input: $input) {\n      ...ReviewFields\n    }\n  }\n": typeof types.EditReviewDocument,
    "\n  mutation ReplyToReview($reviewId: UUID!, $body: String!) {\n    replyToReview(reviewId: $reviewId, body: $body) {\n      ...ReviewFields\n    }\n  }\n": typeof types.ReplyToReviewDocument,
    "\n  mutation VoteReviewHelpful($reviewId: UUID!, $helpful: Boolean!) {\n    voteReviewHelpful(reviewId: $reviewId, helpful: $helpful) {\n      id\n      helpfulCount\n      viewerFoundHelpful\n    }\n  }\n": typeof types.VoteReviewHelpfulDocument,
    "\n  query SavedSearches {\n    savedSearches {\n      id\n      name\n      query\n      sort\n      url\n      createdAt\n    }\n  }\n": typeof types.SavedSearchesDocument,
    "\n  mutation SaveSearch(\n    $name: String\n    $query: String\n    $filters: SearchFilterInput\n    $exclude: SearchExcludeInput\n    $sort: SearchSort\n  ) {\n    saveSearch(name: $name, query: $query, filters: $filters, exclude: $exclude, sort: $sort) {\n      id\n      name\n      url\n    }\n  }\n": typeof types.SaveSearchDocument,
    "\n  mutation RenameSavedSearch($id: UUID!, $name: String!) {\n    renameSavedSearch(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n": typeof types.RenameSavedSearchDocument,
    "\n  mutation DeleteSavedSearch($id: UUID!) {\n    deleteSavedSearch(id: $id)\n  }\n": typeof types.DeleteSavedSearchDocument,
    "\n  query Browse(\n    $query: String\n    $filters: SearchFilterInput\n    $exclude: SearchExcludeInput\n    $sort: SearchSort\n    $first: Int!\n    $after: String\n    $withFacets: Boolean!\n  ) {\n    search(query: $query, filters: $filters, exclude: $exclude, sort: $sort, first: $first, after: $after) {\n      total\n      hasNextPage\n      endCursor\n      didYouMean\n      droppedWords\n      hashMatch\n      maturity\n      hits {\n        kind\n        counts {\n          likes\n          downloads\n          rating\n          ratingCount\n        }\n        price {\n          free\n          cheapestPaid {\n            tier\n            amount\n            currency\n          }\n        }\n        model {\n          id\n          ...ModelCard\n        }\n        template {\n          id\n          ...TemplateCard\n        }\n        highlights {\n          field\n          segments {\n            text\n            match\n          }\n        }\n      }\n      facets @include(if: $withFacets) {\n        facet\n        values {\n          value\n          count\n        }\n      }\n      creators(first: 4) @include(if: $withFacets) {\n        handle\n        name\n        models\n        templates\n      }\n    }\n  }\n": typeof types.BrowseDocument,
    "\n  query Me {\n    me {\n      id\n      handle\n      displayName\n      email\n      roles\n      maxMaturity\n      createdAt\n      emailVerified\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation Like($kind: LikeSubjectKind!, $id: UUID!) {\n    like(kind: $kind, id: $id) {\n      liked\n      likeCount\n    }\n  }\n": typeof types.LikeDocument,
    "\n  mutation Unlike($kind: LikeSubjectKind!, $id: UUID!) {\n    unlike(kind: $kind, id: $id) {\n      liked\n      likeCount\n    }\n  }\n": typeof types.UnlikeDocument,
    "\n  mutation Follow($kind: FollowTargetKind!, $id: UUID!) {\n    follow(kind: $kind, id: $id) {\n      following\n      followerCount\n    }\n  }\n": typeof types.FollowDocument,
    "\n  mutation Unfollow($kind: FollowTargetKind!, $id: UUID!) {\n    unfollow(kind: $kind, id: $id) {\n      following\n      followerCount\n    }\n  }\n": typeof types.UnfollowDocument,
    "\n  query FollowState($kind: FollowTargetKind!, $id: UUID!) {\n    followState(kind: $kind, id: $id) {\n      following\n      followerCount\n    }\n  }\n": typeof types.FollowStateDocument,
    "\n  fragment ModelCard on StyleModel {\n    id\n    name\n    type\n    owner {\n      ...ModelOwnerFields\n    }\n    baseModel {\n      name\n    }\n    versions {\n      id\n      sampleImages {\n        id\n        ...Image\n      }\n      licenseOffers {\n        id\n        tier\n        priceAmount\n        priceCurrency\n        permissions {\n          commercialUse\n          derivativesAllowed\n        }\n      }\n    }\n  }\n": typeof types.ModelCardFragmentDoc,
    "\n  fragment LicenceOffer on LicenseOffer {\n    id\n    tier\n    revision\n    priceAmount\n    priceCurrency\n    termsText\n    termsSha256\n    permissions {\n      commercialUse\n      derivativesAllowed\n      derivativeMayChangeLicense\n      creditRequired\n      creditLine\n      seats\n      revenueCap\n      printRunCap\n    }\n  }\n": typeof types.LicenceOfferFragmentDoc,
    "\n  fragment Image on SampleImage {\n    url\n    width\n    height\n    placeholder\n    thumbnails {\n      url\n      width\n      height\n    }\n  }\n": typeof types.ImageFragmentDoc,
    "\n  fragment TemplateCard on WorkflowTemplate {\n    id\n    name\n    tags\n    ipId\n    cover {\n      ...Image\n    }\n    owner {\n      ...TemplateOwnerFields\n    }\n  }\n": typeof types.TemplateCardFragmentDoc,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation RevokeSession($id: UUID!) {\n    revokeSession(id: $id)\n  }\n": typeof types.RevokeSessionDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: UUID!) {\n    revokeApiKey(id: $id) {\n      id\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      id\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation SetMaturityPreference($maxMaturity: Maturity!) {\n    setMaturityPreference(maxMaturity: $maxMaturity) {\n      id\n      maxMaturity\n    }\n  }\n": typeof types.SetMaturityPreferenceDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      id\n      email\n      emailVerified\n    }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n": typeof types.ResendVerificationEmailDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation RequestEmailChange($input: RequestEmailChangeInput!) {\n    requestEmailChange(input: $input)\n  }\n": typeof types.RequestEmailChangeDocument,
    "\n  mutation ConfirmEmailChange($token: String!) {\n    confirmEmailChange(token: $token) {\n      id\n      email\n      emailVerified\n    }\n  }\n": typeof types.ConfirmEmailChangeDocument,
    "\n  mutation ClearProfileImage($slot: ProfileImageSlot!) {\n    clearProfileImage(slot: $slot) {\n      id\n    }\n  }\n": typeof types.ClearProfileImageDocument,
    "\n  mutation BlockUser($userId: UUID!) {\n    blockUser(userId: $userId) {\n      blocked\n    }\n  }\n": typeof types.BlockUserDocument,
    "\n  mutation UnblockUser($userId: UUID!) {\n    unblockUser(userId: $userId) {\n      blocked\n    }\n  }\n": typeof types.UnblockUserDocument,
    "\n  query Account {\n    mySessions(first: 50) {\n      nodes {\n        id\n        current\n        userAgent\n        createdAt\n        lastUsedAt\n        expiresAt\n      }\n    }\n    myApiKeys(first: 50) {\n      nodes {\n        id\n        name\n        displayPrefix\n        scopes\n        createdAt\n        lastUsedAt\n        expiresAt\n        revokedAt\n      }\n    }\n  }\n": typeof types.AccountDocument,
    "\n  query Profile($handle: String!) {\n    user(handle: $handle) {\n      id\n      createdAt\n    }\n    profile(handle: $handle) {\n      id\n      handle\n      displayName\n      bio\n      links {\n        label\n        url\n      }\n      avatar {\n        url\n        placeholder\n        thumbnails {\n          width\n          url\n        }\n      }\n      cover {\n        url\n        thumbnails {\n          width\n          url\n        }\n      }\n      showLicensesSold\n      isViewer\n      viewerFollows\n      viewerBlocked\n      stats {\n        followers\n        following\n        models\n        templates\n        downloads\n        likesReceived\n        licensesSold\n      }\n    }\n  }\n": typeof types.ProfileDocument,
    "\n  query BlockedUsers {\n    blockedUsers {\n      id\n      handle\n      displayName\n      blockedAt\n    }\n  }\n": typeof types.BlockedUsersDocument,
    "\n  mutation RequestDownload($fileId: UUID!) {\n    requestModelFileDownload(fileId: $fileId) {\n      url\n      fileName\n      sha256\n      sizeBytes\n    }\n  }\n": typeof types.RequestDownloadDocument,
    "\n  mutation ClaimFree($versionId: UUID!) {\n    claimFreeLicense(versionId: $versionId) {\n      id\n    }\n  }\n": typeof types.ClaimFreeDocument,
    "\n  query ModelPage($id: UUID!) {\n    styleModel(id: $id) {\n      id\n      name\n      description\n      type\n      tags\n      status\n      publishedAt\n      likeCount\n      downloadCount\n      viewerHasLiked\n      rating {\n        average\n        count\n        histogram\n      }\n      owner {\n        ...ModelOwnerFields\n      }\n      baseModel {\n        id\n        name\n        licenseName\n        nonCommercial\n      }\n      versions {\n        id\n        name\n        status\n        publishedAt\n        ...Gallery\n        ...VersionDetails\n        ...VersionOffers\n      }\n    }\n  }\n": typeof types.ModelPageDocument,
    "\n  query VersionModel($id: UUID!) {\n    modelVersion(id: $id) {\n      modelId\n    }\n  }\n": typeof types.VersionModelDocument,
    "\n  query FacetValues(\n    $facet: SearchFacet!\n    $prefix: String!\n    $query: String\n    $filters: SearchFilterInput\n    $exclude: SearchExcludeInput\n  ) {\n    facetValues(facet: $facet, prefix: $prefix, query: $query, filters: $filters, exclude: $exclude) {\n      value\n      count\n    }\n  }\n": typeof types.FacetValuesDocument,
    "\n  query Suggest($prefix: String!) {\n    suggest(prefix: $prefix) {\n      kind\n      text\n      ref\n    }\n  }\n": typeof types.SuggestDocument,
    "\n  fragment Gallery on ModelVersion {\n    id\n    sampleImages {\n      id\n      ...Image\n      linkedVersionIds\n      generation {\n        tool\n        prompt\n        negativePrompt\n        seed\n        sampler\n        scheduler\n        steps\n        cfgScale\n        guidance\n        width\n        height\n        resources {\n          kind\n          name\n          hash\n          weight\n        }\n      }\n    }\n  }\n": typeof types.GalleryFragmentDoc,
    "\n  fragment VersionDetails on ModelVersion {\n    id\n    name\n    changelog\n    publishedAt\n    downloadCount\n    access\n    ownedByMe\n    triggerWords\n    recommendedSettings {\n      key\n      value\n    }\n    parents {\n      versionId\n      relation\n    }\n    files {\n      id\n      fileName\n      format\n      precision\n      role\n      sizeBytes\n      declaredSize\n      sha256\n      autoV2\n      scanStatus\n    }\n  }\n": typeof types.VersionDetailsFragmentDoc,
    "\n  fragment VersionOffers on ModelVersion {\n    id\n    name\n    ownedByMe\n    myLicenses {\n      id\n      tier\n      status\n    }\n    licenseOffers {\n      ...LicenceOffer\n    }\n  }\n": typeof types.VersionOffersFragmentDoc,
    "\n  mutation RefundLine($orderId: UUID!, $lineId: UUID!, $note: String) {\n    refundOrder(orderId: $orderId, lineId: $lineId, note: $note) {\n      id\n      status\n      amount\n    }\n  }\n": typeof types.RefundLineDocument,
    "\n  query Order($id: UUID!) {\n    order(id: $id) {\n      id\n      itemName\n      status\n      amount\n      currency\n      createdAt\n      paidAt\n      refundedAmount\n      checkoutUrl\n      lastPaymentError\n      lines {\n        id\n        position\n        itemName\n        tier\n        amount\n        refundedAmount\n        status\n        licenseId\n        unavailableReason\n        subjectId\n        subjectKind\n        seller {\n          handle\n          displayName\n        }\n      }\n      refunds {\n        id\n        amount\n        status\n        reason\n        note\n        createdAt\n        lines {\n          lineId\n          amount\n        }\n      }\n    }\n  }\n": typeof types.OrderDocument,
    "\n  mutation UpdateCollection($id: UUID!, $input: UpdateCollectionInput!) {\n    updateCollection(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateCollectionDocument,
    "\n  mutation DeleteCollection($id: UUID!) {\n    deleteCollection(id: $id)\n  }\n": typeof types.DeleteCollectionDocument,
    "\n  mutation MoveCollectionItem($collectionId: UUID!, $id: ID!, $afterId: ID) {\n    moveCollectionItem(collectionId: $collectionId, id: $id, afterId: $afterId) {\n      id\n    }\n  }\n": typeof types.MoveCollectionItemDocument,
    "\n  mutation SetCollectionItemNote($collectionId: UUID!, $id: ID!, $note: String!) {\n    setCollectionItemNote(collectionId: $collectionId, id: $id, note: $note) {\n      id\n    }\n  }\n": typeof types.SetCollectionItemNoteDocument,
    "\n  mutation InviteCollectionEditor($collectionId: UUID!, $handle: String!) {\n    inviteCollectionEditor(collectionId: $collectionId, handle: $handle) {\n      id\n    }\n  }\n": typeof types.InviteCollectionEditorDocument,
    "\n  mutation AcceptCollectionInvite($collectionId: UUID!) {\n    acceptCollectionInvite(collectionId: $collectionId) {\n      id\n    }\n  }\n": typeof types.AcceptCollectionInviteDocument,
    "\n  mutation LeaveCollection($collectionId: UUID!) {\n    leaveCollection(collectionId: $collectionId)\n  }\n": typeof types.LeaveCollectionDocument,
    "\n  mutation RemoveCollectionEditor($collectionId: UUID!, $userId: UUID!) {\n    removeCollectionEditor(collectionId: $collectionId, userId: $userId) {\n      id\n    }\n  }\n": typeof types.RemoveCollectionEditorDocument,
    "\n  mutation FollowCollection($id: UUID!) {\n    followCollection(id: $id) {\n      following\n      followerCount\n    }\n  }\n": typeof types.FollowCollectionDocument,
    "\n  mutation UnfollowCollection($id: UUID!) {\n    unfollowCollection(id: $id) {\n      following\n      followerCount\n    }\n  }\n": typeof types.UnfollowCollectionDocument,
    "\n  query CollectionPage($id: UUID!) {\n    collection(id: $id) {\n      id\n      title\n      description\n      visibility\n      itemCount\n      followerCount\n      viewerFollows\n      viewerRole\n      coverItemId\n      updatedAt\n      viewerCan {\n        editItems\n        editSettings\n        delete\n        manageEditors\n        accept\n        leave\n        follow\n      }\n      owner {\n        id\n        handle\n        displayName\n      }\n      editors {\n        id\n        handle\n        displayName\n        status\n      }\n      items {\n        id\n        kind\n        itemId\n        note\n        available\n        imageModelId\n        image {\n          id\n          ...Image\n        }\n        model {\n          ...ModelCard\n        }\n        template {\n          ...TemplateCard\n        }\n      }\n    }\n  }\n": typeof types.CollectionPageDocument,
    "\n  mutation StartOnboarding {\n    startPayoutOnboarding(returnPath: \"/earnings?onboarding=return\") {\n      url\n    }\n  }\n": typeof types.StartOnboardingDocument,
    "\n  query Earnings {\n    myEarnings {\n      currency\n      pending\n      available\n      paidOut\n      lifetimeEarnings\n    }\n    myEarningsByDay(days: 90) {\n      currency\n      total\n      days {\n        day\n        amount\n      }\n    }\n    myPayoutAccount {\n      status\n      payoutsEnabled\n      requirementsDue\n      payoutFailureCode\n    }\n    mySales(first: 20) {\n      nodes {\n        orderId\n        itemName\n        tier\n        status\n        paidAt\n        currency\n        price\n        platformFee\n        platformFeeBps\n        processorFee\n        refundedAmount\n        yourShare\n        splits {\n          role\n          shareBps\n          amount\n          clawedBack\n          reversedAmount\n          transferAmount\n          transferStatus\n          transferableAt\n          recipient {\n            handle\n            displayName\n          }\n        }\n      }\n    }\n    myPayouts(first: 10) {\n      nodes {\n        id\n        amount\n        currency\n        status\n        createdAt\n        arrivalDate\n        failureCode\n      }\n    }\n  }\n": typeof types.EarningsDocument,
    "\n  query FollowingFeed($first: Int!, $after: String) {\n    followingFeed(first: $first, after: $after) {\n      nodes {\n        id\n        verb\n        createdAt\n        actor {\n          id\n          handle\n          displayName\n        }\n        subjectKind\n        subjectId\n        subjectName\n        versionName\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.FollowingFeedDocument,
    "\n  query HomeSection($sort: SearchSort!, $first: Int!) {\n    search(sort: $sort, first: $first) {\n      hits {\n        kind\n        counts {\n          likes\n          downloads\n          rating\n          ratingCount\n        }\n        price {\n          free\n          cheapestPaid {\n            tier\n            amount\n            currency\n          }\n        }\n        model {\n          id\n          owner {\n            handle\n            displayName\n          }\n          ...ModelCard\n        }\n        template {\n          id\n          owner {\n            handle\n            displayName\n          }\n          ...TemplateCard\n        }\n      }\n    }\n  }\n": typeof types.HomeSectionDocument,
    "\n  query HomeFollowing($first: Int!) {\n    followingFeed(first: $first) {\n      nodes {\n        id\n        verb\n        createdAt\n        actor {\n          id\n          handle\n          displayName\n        }\n        subjectKind\n        subjectId\n        subjectName\n        versionName\n        counts {\n          likes\n          downloads\n          rating\n          ratingCount\n        }\n      }\n    }\n  }\n": typeof types.HomeFollowingDocument,
    "\n  mutation RequestRefund($orderId: UUID!, $note: String) {\n    refundOrder(orderId: $orderId, note: $note) {\n      id\n      status\n      amount\n    }\n  }\n": typeof types.RequestRefundDocument,
    "\n  query LibraryLicenses($after: String) {\n    myLicenses(first: 50, after: $after) {\n      nodes {\n        id\n        tier\n        status\n        source\n        resourceName\n        subjectKind\n        subjectId\n        issuedAt\n        certificate\n        fileSha256s\n        revocationReason\n        priceAmount\n        priceCurrency\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.LibraryLicensesDocument,
    "\n  query LibraryOrders($after: String) {\n    myOrders(first: 50, after: $after) {\n      nodes {\n        id\n        itemName\n        tier\n        status\n        amount\n        currency\n        refundedAmount\n        createdAt\n        paidAt\n        lines {\n          id\n          itemName\n          status\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.LibraryOrdersDocument,
    "\n  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      nodes {\n        id\n        kind\n        text\n        url\n        count\n        read\n        createdAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  query NotificationPreferences {\n    notificationPreferences {\n      kind\n      inApp\n      email\n    }\n  }\n": typeof types.NotificationPreferencesDocument,
    "\n  mutation MarkNotificationsRead($ids: [UUID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  mutation UpdateNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {\n    updateNotificationPreferences(preferences: $preferences) {\n      kind\n      inApp\n      email\n    }\n  }\n": typeof types.UpdateNotificationPreferencesDocument,
    "\n  mutation BlockHash($sha256: String!, $reason: String!) {\n    blockFileHash(sha256: $sha256, reason: $reason)\n  }\n": typeof types.BlockHashDocument,
    "\n  mutation RevokeLicense($id: UUID!, $reason: RevocationReason!, $note: String) {\n    revokeLicense(id: $id, reason: $reason, note: $note) {\n      id\n      status\n    }\n  }\n": typeof types.RevokeLicenseDocument,
    "\n  query StaffUser($handle: String!) {\n    user(handle: $handle) {\n      id\n      handle\n      displayName\n    }\n  }\n": typeof types.StaffUserDocument,
    "\n  mutation SetRoles($userId: UUID!, $roles: [Role!]!) {\n    setUserRoles(userId: $userId, roles: $roles) {\n      id\n    }\n  }\n": typeof types.SetRolesDocument,
    "\n  mutation UpsertBaseModel($input: BaseModelInput!) {\n    upsertBaseModel(input: $input) {\n      id\n    }\n  }\n": typeof types.UpsertBaseModelDocument,
    "\n  query MoneyReviewQueue {\n    moneyReviewQueue(first: 100) {\n      kind\n      detail\n      amount\n      currency\n      orderId\n      since\n    }\n  }\n": typeof types.MoneyReviewQueueDocument,
    "\n  mutation CreateModel($input: CreateStyleModelInput!) {\n    createStyleModel(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateModelDocument,
    "\n  mutation UpdateModel($id: UUID!, $input: UpdateStyleModelInput!) {\n    updateStyleModel(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateModelDocument,
    "\n  mutation ChangeModelStatus($id: UUID!, $status: ModelStatus!) {\n    changeStyleModelStatus(id: $id, status: $status) {\n      id\n      status\n    }\n  }\n": typeof types.ChangeModelStatusDocument,
    "\n  mutation CreateVersion($modelId: UUID!, $input: CreateModelVersionInput!) {\n    createModelVersion(modelId: $modelId, input: $input) {\n      id\n    }\n  }\n": typeof types.CreateVersionDocument,
    "\n  mutation UpdateVersion($id: UUID!, $input: UpdateModelVersionInput!) {\n    updateModelVersion(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateVersionDocument,
    "\n  mutation PublishVersion($id: UUID!) {\n    publishModelVersion(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.PublishVersionDocument,
    "\n  mutation DeriveModel($modelId: UUID!, $parentModelId: UUID!, $relation: String!, $shareBps: Int!) {\n    deriveModel(modelId: $modelId, parentModelId: $parentModelId, relation: $relation, shareBps: $shareBps) {\n      parentId\n    }\n  }\n": typeof types.DeriveModelDocument,
    "\n  query MyTemplates {\n    myTemplates {\n      id\n      name\n      status\n      ipId\n      createdAt\n    }\n  }\n": typeof types.MyTemplatesDocument,
    "\n  query MyModels($ownerId: UUID!, $after: String) {\n    styleModels(first: 50, after: $after, filter: { ownerId: $ownerId }) {\n      nodes {\n        id\n        name\n        type\n        status\n        updatedAt\n        baseModel {\n          name\n        }\n        versions {\n          id\n          name\n          status\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MyModelsDocument,
    "\n  query StudioModel($id: UUID!) {\n    styleModel(id: $id) {\n      id\n      name\n      type\n      baseModelId\n      description\n      tags\n      maturity\n      status\n      versions {\n        id\n        name\n        status\n        createdAt\n        publishedAt\n        files {\n          id\n        }\n        sampleImages {\n          id\n        }\n      }\n    }\n  }\n": typeof types.StudioModelDocument,
    "\n  query StudioVersion($id: UUID!) {\n    modelVersion(id: $id) {\n      id\n      modelId\n      name\n      status\n      changelog\n      triggerWords\n      recommendedSettings {\n        key\n        value\n      }\n      files {\n        id\n        fileName\n        sizeBytes\n        declaredSize\n        scanStatus\n        rejectionMessage\n        sha256\n      }\n      sampleImages {\n        id\n        ...Image\n      }\n      licenseOffers {\n        ...LicenceOffer\n      }\n    }\n  }\n": typeof types.StudioVersionDocument,
    "\n  query StudioVersionModel($id: UUID!) {\n    styleModel(id: $id) {\n      id\n      name\n      status\n      baseModel {\n        name\n        nonCommercial\n      }\n    }\n  }\n": typeof types.StudioVersionModelDocument,
    "\n  mutation CreateUpload($versionId: UUID!, $input: CreateUploadInput!) {\n    createModelFileUpload(versionId: $versionId, input: $input) {\n      file {\n        id\n      }\n      upload {\n        id\n        partSize\n        partCount\n      }\n    }\n  }\n": typeof types.CreateUploadDocument,
    "\n  query UploadedParts($uploadId: UUID!) {\n    uploadedParts(uploadId: $uploadId) {\n      partNumber\n      size\n    }\n  }\n": typeof types.UploadedPartsDocument,
    "\n  mutation PartUrls($uploadId: UUID!, $partNumbers: [Int!]!) {\n    requestUploadPartUrls(uploadId: $uploadId, partNumbers: $partNumbers) {\n      partNumber\n      url\n    }\n  }\n": typeof types.PartUrlsDocument,
    "\n  mutation CompleteUpload($uploadId: UUID!) {\n    completeModelFileUpload(uploadId: $uploadId) {\n      id\n      scanStatus\n    }\n  }\n": typeof types.CompleteUploadDocument,
    "\n  mutation AbortUpload($uploadId: UUID!) {\n    abortModelFileUpload(uploadId: $uploadId)\n  }\n": typeof types.AbortUploadDocument,
    "\n  fragment TemplateSlotFields on TemplateSlot {\n    key\n    nodeId\n    widget\n    label\n    type\n    default\n    min\n    max\n    options\n    pattern\n    maxLength\n  }\n": typeof types.TemplateSlotFieldsFragmentDoc,
    "\n  mutation SetTemplateSlots($versionId: UUID!, $slots: [TemplateSlotInput!]!) {\n    setTemplateSlots(versionId: $versionId, slots: $slots) {\n      id\n    }\n  }\n": typeof types.SetTemplateSlotsDocument,
    "\n  mutation PublishTemplateVersion($versionId: UUID!) {\n    publishTemplateVersion(versionId: $versionId) {\n      id\n      status\n    }\n  }\n": typeof types.PublishTemplateVersionDocument,
    "\n  mutation CreateTemplate($input: CreateTemplateInput!) {\n    createTemplate(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateTemplateDocument,
    "\n  mutation RemixTemplate($parentId: UUID!, $name: String!, $shareBps: Int!) {\n    remixTemplate(parentId: $parentId, name: $name, shareBps: $shareBps) {\n      id\n    }\n  }\n": typeof types.RemixTemplateDocument,
    "\n  mutation RegisterIp($input: RegisterIpInput!) {\n    registerIntellectualProperty(input: $input) {\n      id\n    }\n  }\n": typeof types.RegisterIpDocument,
    "\n  mutation BindTemplate($templateId: UUID!, $ipId: UUID!, $terms: RemixTermsInput!, $lockedSubgraphId: String) {\n    bindTemplateToIp(templateId: $templateId, ipId: $ipId, terms: $terms, lockedSubgraphId: $lockedSubgraphId) {\n      id\n      ipId\n    }\n  }\n": typeof types.BindTemplateDocument,
    "\n  mutation UnbindTemplate($templateId: UUID!) {\n    unbindTemplateFromIp(templateId: $templateId) {\n      releasedRemixes\n      approvedRemixes\n      template {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UnbindTemplateDocument,
    "\n  mutation DecideRemix($templateId: UUID!, $approve: Boolean!) {\n    decideRemix(templateId: $templateId, approve: $approve) {\n      status\n    }\n  }\n": typeof types.DecideRemixDocument,
    "\n  mutation CheckoutOffers($offerIds: [UUID!]!) {\n    checkoutOffers(offerIds: $offerIds) {\n      checkoutUrl\n      order {\n        id\n      }\n    }\n  }\n": typeof types.CheckoutOffersDocument,
    "\n  query TemplatePage($id: UUID!) {\n    template(id: $id) {\n      id\n      ownerId\n      owner {\n        ...TemplateOwnerFields\n      }\n      name\n      description\n      tags\n      status\n      ipId\n      likeCount\n      viewerHasLiked\n      rating {\n        average\n        count\n        histogram\n      }\n      terms {\n        remixAllowed\n        changeableSlots\n        allowedUses\n        attribution\n        ipShareBps\n        maxMaturity\n        requiredTags\n        approval\n      }\n      versions {\n        id\n        label\n        status\n        hasWorkflow\n        hasPrompt\n        sourceSha256\n        sampleImages {\n          id\n          ...Image\n        }\n        slots {\n          ...TemplateSlotFields\n        }\n        suggestedSlots {\n          ...TemplateSlotFields\n        }\n        lockfile {\n          nodes {\n            id\n            source\n            version\n          }\n          models {\n            slot\n            kind\n            folder\n            name\n            sha256\n            unused\n          }\n        }\n        warnings {\n          code\n          message\n        }\n        myLicenses {\n          id\n          tier\n        }\n        licenseOffers {\n          ...LicenceOffer\n        }\n      }\n    }\n    templateLineage(id: $id) {\n      ancestors {\n        parentId\n        depth\n        status\n        shareBps\n      }\n      descendants {\n        childId\n        depth\n        status\n      }\n    }\n  }\n": typeof types.TemplatePageDocument,
    "\n  query TemplateRollup($versionId: UUID!, $purpose: TemplateUse!) {\n    templateVersion(id: $versionId) {\n      id\n      licenseRollup(purpose: $purpose) {\n        purpose\n        verdict\n        reasons\n        lines {\n          kind\n          name\n          slot\n          status\n          reason\n          resolved {\n            matchedBy\n            modelId\n            modelName\n            versionName\n          }\n          published {\n            matchedBy\n            title\n            fileName\n            baseModelName\n            sourceUrl\n            license {\n              name\n              url\n              conditions\n              nonCommercial\n            }\n          }\n          held {\n            id\n            tier\n          }\n          offer {\n            id\n            tier\n            priceAmount\n            priceCurrency\n          }\n        }\n        missingTotals {\n          currency\n          amount\n          licenses\n        }\n      }\n    }\n  }\n": typeof types.TemplateRollupDocument,
    "\n  query IpConsole {\n    myIntellectualProperties {\n      id\n      name\n      kind\n      description\n    }\n    myTemplates {\n      id\n      name\n      status\n      ipId\n      terms {\n        ipShareBps\n        approval\n      }\n      ipBinding {\n        ipId\n        boundAt\n        lockedSubgraph {\n          name\n        }\n      }\n    }\n    remixQueue {\n      childId\n      parentId\n      shareBps\n      createdAt\n      child {\n        name\n        owner {\n          ...TemplateOwnerFields\n        }\n      }\n      parent {\n        name\n      }\n    }\n  }\n": typeof types.IpConsoleDocument,
    "\n  query TemplateSubgraphs($id: UUID!) {\n    template(id: $id) {\n      id\n      versions {\n        id\n        subgraphs {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.TemplateSubgraphsDocument,
    "\n  query RenderTemplate($versionId: UUID!, $params: [TemplateParamInput!]) {\n    renderTemplate(versionId: $versionId, params: $params) {\n      workflow\n      prompt\n    }\n  }\n": typeof types.RenderTemplateDocument,
    "\n  query VerifyLicense($certificate: String!) {\n    verifyLicense(certificate: $certificate) {\n      valid\n      status\n      problem\n      message\n      license {\n        id\n        tier\n        status\n        resourceName\n        subjectId\n        issuedAt\n        revokedAt\n        revocationReason\n        termsText\n        fileSha256s\n        licensee {\n          handle\n          displayName\n        }\n        permissions {\n          commercialUse\n          derivativesAllowed\n          creditRequired\n          creditLine\n          seats\n        }\n      }\n    }\n  }\n": typeof types.VerifyLicenseDocument,
};
const documents: Documents = {
    "\n  query BaseModels {\n    baseModels {\n      id\n      name\n      ecosystem\n      nonCommercial\n      licenseName\n    }\n  }\n": types.BaseModelsDocument,
    "\n  mutation Checkout($offerId: UUID!) {\n    checkout(offerId: $offerId) {\n      checkoutUrl\n      order {\n        id\n      }\n    }\n  }\n": types.CheckoutDocument,
    "\n  fragment CollectionCardFields on Collection {\n    id\n    title\n    description\n    visibility\n    itemCount\n    followerCount\n    viewerRole\n    cover {\n      url\n      width\n      height\n      placeholder\n      thumbnails {\n        url\n        width\n        height\n      }\n    }\n    owner {\n      id\n      handle\n      displayName\n    }\n  }\n": types.CollectionCardFieldsFragmentDoc,
    "\n  query FeaturedCollections($first: Int!) {\n    featuredCollections(first: $first) {\n      ...CollectionCardFields\n    }\n  }\n": types.FeaturedCollectionsDocument,
    "\n  query MemberCollections($handle: String!) {\n    memberCollections(handle: $handle, first: 48) {\n      ...CollectionCardFields\n    }\n  }\n": types.MemberCollectionsDocument,
    "\n  query MyCollections {\n    myCollections {\n      ...CollectionCardFields\n      id\n      title\n      visibility\n      viewerRole\n      viewerCan {\n        editItems\n      }\n    }\n  }\n": types.MyCollectionsDocument,
    "\n  query CollectionsHolding($kind: CollectionItemKind!, $itemId: UUID!) {\n    collectionsHolding(kind: $kind, itemId: $itemId)\n  }\n": types.CollectionsHoldingDocument,
    "\n  mutation CreateCollection($input: CreateCollectionInput!) {\n    createCollection(input: $input) {\n      id\n      title\n    }\n  }\n": types.CreateCollectionDocument,
    "\n  mutation AddToCollection($collectionId: UUID!, $kind: CollectionItemKind!, $itemId: UUID!, $note: String) {\n    addToCollection(collectionId: $collectionId, kind: $kind, itemId: $itemId, note: $note) {\n      id\n      itemCount\n    }\n  }\n": types.AddToCollectionDocument,
    "\n  mutation RemoveFromCollection($collectionId: UUID!, $kind: CollectionItemKind!, $itemId: UUID!) {\n    removeFromCollection(collectionId: $collectionId, kind: $kind, itemId: $itemId) {\n      id\n      itemCount\n    }\n  }\n": types.RemoveFromCollectionDocument,
    "\n  fragment CommentFields on Comment {\n    id\n    parentId\n    replyToId\n    depth\n    text\n    createdAt\n    editedAt\n    deleted\n    hidden\n    pinned\n    replyCount\n    viewerIsAuthor\n    author {\n      id\n      handle\n      displayName\n    }\n    body {\n      type\n      parent\n      text\n      href\n      userId\n    }\n  }\n": types.CommentFieldsFragmentDoc,
    "\n  query DiscussionPage($kind: DiscussionSubjectKind!, $id: UUID!, $order: CommentOrder!, $first: Int!, $after: String) {\n    discussion(subjectKind: $kind, subjectId: $id, order: $order, first: $first, after: $after) {\n      commentCount\n      viewerIsCreator\n      endCursor\n      hasMore\n      comments {\n        ...CommentFields\n        replies {\n          ...CommentFields\n          replies {\n            ...CommentFields\n          }\n        }\n      }\n    }\n  }\n": types.DiscussionPageDocument,
    "\n  query MoreReplies($id: UUID!, $first: Int!, $after: String) {\n    commentReplies(commentId: $id, first: $first, after: $after) {\n      endCursor\n      hasMore\n      replies {\n        ...CommentFields\n        replies {\n          ...CommentFields\n        }\n      }\n    }\n  }\n": types.MoreRepliesDocument,
    "\n  query CommentPreview($text: String!) {\n    commentPreview(text: $text) {\n      type\n      parent\n      text\n      href\n      userId\n    }\n  }\n": types.CommentPreviewDocument,
    "\n  mutation PostComment($input: PostCommentInput!) {\n    postComment(input: $input) {\n      id\n    }\n  }\n": types.PostCommentDocument,
    "\n  mutation EditComment($id: UUID!, $text: String!) {\n    editComment(id: $id, text: $text) {\n      id\n    }\n  }\n": types.EditCommentDocument,
    "\n  mutation DeleteComment($id: UUID!) {\n    deleteComment(id: $id) {\n      id\n      removed\n    }\n  }\n": types.DeleteCommentDocument,
    "\n  mutation PinComment($id: UUID!, $pinned: Boolean!) {\n    pinComment(id: $id, pinned: $pinned) {\n      id\n    }\n  }\n": types.PinCommentDocument,
    "\n  mutation HideComment($id: UUID!, $hidden: Boolean!) {\n    hideComment(id: $id, hidden: $hidden) {\n      id\n    }\n  }\n": types.HideCommentDocument,
    "\n  fragment ModelOwnerFields on ModelOwner {\n    id\n    handle\n    displayName\n  }\n": types.ModelOwnerFieldsFragmentDoc,
    "\n  fragment TemplateOwnerFields on TemplateOwner {\n    id\n    handle\n    displayName\n  }\n": types.TemplateOwnerFieldsFragmentDoc,
    "\n  query PublicModelParents($modelId: UUID!) {\n    modelParents(modelId: $modelId) {\n      parentId\n      relation\n      shareBps\n      parentModel {\n        id\n        name\n        owner {\n          displayName\n        }\n      }\n    }\n  }\n": types.PublicModelParentsDocument,
    "\n  mutation SetOffers($versionId: UUID!, $offers: [LicenseOfferInput!]!) {\n    setLicenseOffers(versionId: $versionId, offers: $offers) {\n      id\n      tier\n      revision\n    }\n  }\n": types.SetOffersDocument,
    "\n  mutation SetTemplateOffers($versionId: UUID!, $offers: [LicenseOfferInput!]!) {\n    setTemplateLicenseOffers(versionId: $versionId, offers: $offers) {\n      id\n      tier\n      revision\n    }\n  }\n": types.SetTemplateOffersDocument,
    "\n  fragment ReviewFields on Review {\n    id\n    subjectKind\n    subjectId\n    subjectName\n    author {\n      id\n      handle\n      displayName\n    }\n    rating\n    body\n    licenseTier\n    verified\n    helpfulCount\n    viewerFoundHelpful\n    editCount\n    createdAt\n    editedAt\n    reply {\n      body\n      repliedAt\n      editedAt\n    }\n  }\n": types.ReviewFieldsFragmentDoc,
    "\n  query SubjectReviews($kind: ReviewSubjectKind!, $subjectId: UUID!, $first: Int!, $after: String) {\n    reviews(kind: $kind, subjectId: $subjectId, first: $first, after: $after) {\n      nodes {\n        ...ReviewFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SubjectReviewsDocument,
    "\n  query MemberReviews($userId: UUID!, $first: Int!, $after: String) {\n    memberReviews(userId: $userId, first: $first, after: $after) {\n      nodes {\n        ...ReviewFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MemberReviewsDocument,
    "\n  query ReviewEligibility($kind: ReviewSubjectKind!, $subjectId: UUID!) {\n    reviewEligibility(kind: $kind, subjectId: $subjectId) {\n      canReview\n      reason\n      licenseTier\n      review {\n        ...ReviewFields\n      }\n    }\n  }\n": types.ReviewEligibilityDocument,
    "\n  query ReviewRevisions($reviewId: UUID!) {\n    reviewRevisions(reviewId: $reviewId) {\n      revision\n      rating\n      body\n      writtenAt\n    }\n  }\n": types.ReviewRevisionsDocument,
    "\n  mutation WriteReview($kind: ReviewSubjectKind!, $subjectId: UUID!, $input: ReviewInput!) {\n    writeReview(kind: $kind, subjectId: $subjectId, input: $input) {\n      ...ReviewFields\n    }\n  }\n": types.WriteReviewDocument,
    "\n  mutation EditReview($reviewId: UUID!, $input: ReviewInput!) {\n    editReview(reviewId: $reviewId, input: $input) {\n      ...ReviewFields\n    }\n  }\n": types.EditReviewDocument,
    "\n  mutation ReplyToReview($reviewId: UUID!, $body: String!) {\n    replyToReview(reviewId: $reviewId, body: $body) {\n      ...ReviewFields\n    }\n  }\n": types.ReplyToReviewDocument,
    "\n  mutation VoteReviewHelpful($reviewId: UUID!, $helpful: Boolean!) {\n    voteReviewHelpful(reviewId: $reviewId, helpful: $helpful) {\n      id\n      helpfulCount\n      viewerFoundHelpful\n    }\n  }\n": types.VoteReviewHelpfulDocument,
    "\n  query SavedSearches {\n    savedSearches {\n      id\n      name\n      query\n      sort\n      url\n      createdAt\n    }\n  }\n": types.SavedSearchesDocument,
    "\n  mutation SaveSearch(\n    $name: String\n    $query: String\n    $filters: SearchFilterInput\n    $exclude: SearchExcludeInput\n    $sort: SearchSort\n  ) {\n    saveSearch(name: $name, query: $query, filters: $filters, exclude: $exclude, sort: $sort) {\n      id\n      name\n      url\n    }\n  }\n": types.SaveSearchDocument,
    "\n  mutation RenameSavedSearch($id: UUID!, $name: String!) {\n    renameSavedSearch(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n": types.RenameSavedSearchDocument,
    "\n  mutation DeleteSavedSearch($id: UUID!) {\n    deleteSavedSearch(id: $id)\n  }\n": types.DeleteSavedSearchDocument,
    "\n  query Browse(\n    $query: String\n    $filters: SearchFilterInput\n    $exclude: SearchExcludeInput\n    $sort: SearchSort\n    $first: Int!\n    $after: String\n    $withFacets: Boolean!\n  ) {\n    search(query: $query, filters: $filters, exclude: $exclude, sort: $sort, first: $first, after: $after) {\n      total\n      hasNextPage\n      endCursor\n      didYouMean\n      droppedWords\n      hashMatch\n      maturity\n      hits {\n        kind\n        counts {\n          likes\n          downloads\n          rating\n          ratingCount\n        }\n        price {\n          free\n          cheapestPaid {\n            tier\n            amount\n            currency\n          }\n        }\n        model {\n          id\n          ...ModelCard\n        }\n        template {\n          id\n          ...TemplateCard\n        }\n        highlights {\n          field\n          segments {\n            text\n            match\n          }\n        }\n      }\n      facets @include(if: $withFacets) {\n        facet\n        values {\n          value\n          count\n        }\n      }\n      creators(first: 4) @include(if: $withFacets) {\n        handle\n        name\n        models\n        templates\n      }\n    }\n  }\n": types.BrowseDocument,
    "\n  query Me {\n    me {\n      id\n      handle\n      displayName\n      email\n      roles\n      maxMaturity\n      createdAt\n      emailVerified\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation Like($kind: LikeSubjectKind!, $id: UUID!) {\n    like(kind: $kind, id: $id) {\n      liked\n      likeCount\n    }\n  }\n": types.LikeDocument,
    "\n  mutation Unlike($kind: LikeSubjectKind!, $id: UUID!) {\n    unlike(kind: $kind, id: $id) {\n      liked\n      likeCount\n    }\n  }\n": types.UnlikeDocument,
    "\n  mutation Follow($kind: FollowTargetKind!, $id: UUID!) {\n    follow(kind: $kind, id: $id) {\n      following\n      followerCount\n    }\n  }\n": types.FollowDocument,
    "\n  mutation Unfollow($kind: FollowTargetKind!, $id: UUID!) {\n    unfollow(kind: $kind, id: $id) {\n      following\n      followerCount\n    }\n  }\n": types.UnfollowDocument,
    "\n  query FollowState($kind: FollowTargetKind!, $id: UUID!) {\n    followState(kind: $kind, id: $id) {\n      following\n      followerCount\n    }\n  }\n": types.FollowStateDocument,
    "\n  fragment ModelCard on StyleModel {\n    id\n    name\n    type\n    owner {\n      ...ModelOwnerFields\n    }\n    baseModel {\n      name\n    }\n    versions {\n      id\n      sampleImages {\n        id\n        ...Image\n      }\n      licenseOffers {\n        id\n        tier\n        priceAmount\n        priceCurrency\n        permissions {\n          commercialUse\n          derivativesAllowed\n        }\n      }\n    }\n  }\n": types.ModelCardFragmentDoc,
    "\n  fragment LicenceOffer on LicenseOffer {\n    id\n    tier\n    revision\n    priceAmount\n    priceCurrency\n    termsText\n    termsSha256\n    permissions {\n      commercialUse\n      derivativesAllowed\n      derivativeMayChangeLicense\n      creditRequired\n      creditLine\n      seats\n      revenueCap\n      printRunCap\n    }\n  }\n": types.LicenceOfferFragmentDoc,
    "\n  fragment Image on SampleImage {\n    url\n    width\n    height\n    placeholder\n    thumbnails {\n      url\n      width\n      height\n    }\n  }\n": types.ImageFragmentDoc,
    "\n  fragment TemplateCard on WorkflowTemplate {\n    id\n    name\n    tags\n    ipId\n    cover {\n      ...Image\n    }\n    owner {\n      ...TemplateOwnerFields\n    }\n  }\n": types.TemplateCardFragmentDoc,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation RevokeSession($id: UUID!) {\n    revokeSession(id: $id)\n  }\n": types.RevokeSessionDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: UUID!) {\n    revokeApiKey(id: $id) {\n      id\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      id\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation SetMaturityPreference($maxMaturity: Maturity!) {\n    setMaturityPreference(maxMaturity: $maxMaturity) {\n      id\n      maxMaturity\n    }\n  }\n": types.SetMaturityPreferenceDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      id\n      email\n      emailVerified\n    }\n  }\n": types.VerifyEmailDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n": types.ResendVerificationEmailDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation RequestEmailChange($input: RequestEmailChangeInput!) {\n    requestEmailChange(input: $input)\n  }\n": types.RequestEmailChangeDocument,
    "\n  mutation ConfirmEmailChange($token: String!) {\n    confirmEmailChange(token: $token) {\n      id\n      email\n      emailVerified\n    }\n  }\n": types.ConfirmEmailChangeDocument,
    "\n  mutation ClearProfileImage($slot: ProfileImageSlot!) {\n    clearProfileImage(slot: $slot) {\n      id\n    }\n  }\n": types.ClearProfileImageDocument,
    "\n  mutation BlockUser($userId: UUID!) {\n    blockUser(userId: $userId) {\n      blocked\n    }\n  }\n": types.BlockUserDocument,
    "\n  mutation UnblockUser($userId: UUID!) {\n    unblockUser(userId: $userId) {\n      blocked\n    }\n  }\n": types.UnblockUserDocument,
    "\n  query Account {\n    mySessions(first: 50) {\n      nodes {\n        id\n        current\n        userAgent\n        createdAt\n        lastUsedAt\n        expiresAt\n      }\n    }\n    myApiKeys(first: 50) {\n      nodes {\n        id\n        name\n        displayPrefix\n        scopes\n        createdAt\n        lastUsedAt\n        expiresAt\n        revokedAt\n      }\n    }\n  }\n": types.AccountDocument,
    "\n  query Profile($handle: String!) {\n    user(handle: $handle) {\n      id\n      createdAt\n    }\n    profile(handle: $handle) {\n      id\n      handle\n      displayName\n      bio\n      links {\n        label\n        url\n      }\n      avatar {\n        url\n        placeholder\n        thumbnails {\n          width\n          url\n        }\n      }\n      cover {\n        url\n        thumbnails {\n          width\n          url\n        }\n      }\n      showLicensesSold\n      isViewer\n      viewerFollows\n      viewerBlocked\n      stats {\n        followers\n        following\n        models\n        templates\n        downloads\n        likesReceived\n        licensesSold\n      }\n    }\n  }\n": types.ProfileDocument,
    "\n  query BlockedUsers {\n    blockedUsers {\n      id\n      handle\n      displayName\n      blockedAt\n    }\n  }\n": types.BlockedUsersDocument,
    "\n  mutation RequestDownload($fileId: UUID!) {\n    requestModelFileDownload(fileId: $fileId) {\n      url\n      fileName\n      sha256\n      sizeBytes\n    }\n  }\n": types.RequestDownloadDocument,
    "\n  mutation ClaimFree($versionId: UUID!) {\n    claimFreeLicense(versionId: $versionId) {\n      id\n    }\n  }\n": types.ClaimFreeDocument,
    "\n  query ModelPage($id: UUID!) {\n    styleModel(id: $id) {\n      id\n      name\n      description\n      type\n      tags\n      status\n      publishedAt\n      likeCount\n      downloadCount\n      viewerHasLiked\n      rating {\n        average\n        count\n        histogram\n      }\n      owner {\n        ...ModelOwnerFields\n      }\n      baseModel {\n        id\n        name\n        licenseName\n        nonCommercial\n      }\n      versions {\n        id\n        name\n        status\n        publishedAt\n        ...Gallery\n        ...VersionDetails\n        ...VersionOffers\n      }\n    }\n  }\n": types.ModelPageDocument,
    "\n  query VersionModel($id: UUID!) {\n    modelVersion(id: $id) {\n      modelId\n    }\n  }\n": types.VersionModelDocument,
    "\n  query FacetValues(\n    $facet: SearchFacet!\n    $prefix: String!\n    $query: String\n    $filters: SearchFilterInput\n    $exclude: SearchExcludeInput\n  ) {\n    facetValues(facet: $facet, prefix: $prefix, query: $query, filters: $filters, exclude: $exclude) {\n      value\n      count\n    }\n  }\n": types.FacetValuesDocument,
    "\n  query Suggest($prefix: String!) {\n    suggest(prefix: $prefix) {\n      kind\n      text\n      ref\n    }\n  }\n": types.SuggestDocument,
    "\n  fragment Gallery on ModelVersion {\n    id\n    sampleImages {\n      id\n      ...Image\n      linkedVersionIds\n      generation {\n        tool\n        prompt\n        negativePrompt\n        seed\n        sampler\n        scheduler\n        steps\n        cfgScale\n        guidance\n        width\n        height\n        resources {\n          kind\n          name\n          hash\n          weight\n        }\n      }\n    }\n  }\n": types.GalleryFragmentDoc,
    "\n  fragment VersionDetails on ModelVersion {\n    id\n    name\n    changelog\n    publishedAt\n    downloadCount\n    access\n    ownedByMe\n    triggerWords\n    recommendedSettings {\n      key\n      value\n    }\n    parents {\n      versionId\n      relation\n    }\n    files {\n      id\n      fileName\n      format\n      precision\n      role\n      sizeBytes\n      declaredSize\n      sha256\n      autoV2\n      scanStatus\n    }\n  }\n": types.VersionDetailsFragmentDoc,
    "\n  fragment VersionOffers on ModelVersion {\n    id\n    name\n    ownedByMe\n    myLicenses {\n      id\n      tier\n      status\n    }\n    licenseOffers {\n      ...LicenceOffer\n    }\n  }\n": types.VersionOffersFragmentDoc,
    "\n  mutation RefundLine($orderId: UUID!, $lineId: UUID!, $note: String) {\n    refundOrder(orderId: $orderId, lineId: $lineId, note: $note) {\n      id\n      status\n      amount\n    }\n  }\n": types.RefundLineDocument,
    "\n  query Order($id: UUID!) {\n    order(id: $id) {\n      id\n      itemName\n      status\n      amount\n      currency\n      createdAt\n      paidAt\n      refundedAmount\n      checkoutUrl\n      lastPaymentError\n      lines {\n        id\n        position\n        itemName\n        tier\n        amount\n        refundedAmount\n        status\n        licenseId\n        unavailableReason\n        subjectId\n        subjectKind\n        seller {\n          handle\n          displayName\n        }\n      }\n      refunds {\n        id\n        amount\n        status\n        reason\n        note\n        createdAt\n        lines {\n          lineId\n          amount\n        }\n      }\n    }\n  }\n": types.OrderDocument,
    "\n  mutation UpdateCollection($id: UUID!, $input: UpdateCollectionInput!) {\n    updateCollection(id: $id, input: $input) {\n      id\n    }\n  }\n": types.UpdateCollectionDocument,
    "\n  mutation DeleteCollection($id: UUID!) {\n    deleteCollection(id: $id)\n  }\n": types.DeleteCollectionDocument,
    "\n  mutation MoveCollectionItem($collectionId: UUID!, $id: ID!, $afterId: ID) {\n    moveCollectionItem(collectionId: $collectionId, id: $id, afterId: $afterId) {\n      id\n    }\n  }\n": types.MoveCollectionItemDocument,
    "\n  mutation SetCollectionItemNote($collectionId: UUID!, $id: ID!, $note: String!) {\n    setCollectionItemNote(collectionId: $collectionId, id: $id, note: $note) {\n      id\n    }\n  }\n": types.SetCollectionItemNoteDocument,
    "\n  mutation InviteCollectionEditor($collectionId: UUID!, $handle: String!) {\n    inviteCollectionEditor(collectionId: $collectionId, handle: $handle) {\n      id\n    }\n  }\n": types.InviteCollectionEditorDocument,
    "\n  mutation AcceptCollectionInvite($collectionId: UUID!) {\n    acceptCollectionInvite(collectionId: $collectionId) {\n      id\n    }\n  }\n": types.AcceptCollectionInviteDocument,
    "\n  mutation LeaveCollection($collectionId: UUID!) {\n    leaveCollection(collectionId: $collectionId)\n  }\n": types.LeaveCollectionDocument,
    "\n  mutation RemoveCollectionEditor($collectionId: UUID!, $userId: UUID!) {\n    removeCollectionEditor(collectionId: $collectionId, userId: $userId) {\n      id\n    }\n  }\n": types.RemoveCollectionEditorDocument,
    "\n  mutation FollowCollection($id: UUID!) {\n    followCollection(id: $id) {\n      following\n      followerCount\n    }\n  }\n": types.FollowCollectionDocument,
    "\n  mutation UnfollowCollection($id: UUID!) {\n    unfollowCollection(id: $id) {\n      following\n      followerCount\n    }\n  }\n": types.UnfollowCollectionDocument,
    "\n  query CollectionPage($id: UUID!) {\n    collection(id: $id) {\n      id\n      title\n      description\n      visibility\n      itemCount\n      followerCount\n      viewerFollows\n      viewerRole\n      coverItemId\n      updatedAt\n      viewerCan {\n        editItems\n        editSettings\n        delete\n        manageEditors\n        accept\n        leave\n        follow\n      }\n      owner {\n        id\n        handle\n        displayName\n      }\n      editors {\n        id\n        handle\n        displayName\n        status\n      }\n      items {\n        id\n        kind\n        itemId\n        note\n        available\n        imageModelId\n        image {\n          id\n          ...Image\n        }\n        model {\n          ...ModelCard\n        }\n        template {\n          ...TemplateCard\n        }\n      }\n    }\n  }\n": types.CollectionPageDocument,
    "\n  mutation StartOnboarding {\n    startPayoutOnboarding(returnPath: \"/earnings?onboarding=return\") {\n      url\n    }\n  }\n": types.StartOnboardingDocument,
    "\n  query Earnings {\n    myEarnings {\n      currency\n      pending\n      available\n      paidOut\n      lifetimeEarnings\n    }\n    myEarningsByDay(days: 90) {\n      currency\n      total\n      days {\n        day\n        amount\n      }\n    }\n    myPayoutAccount {\n      status\n      payoutsEnabled\n      requirementsDue\n      payoutFailureCode\n    }\n    mySales(first: 20) {\n      nodes {\n        orderId\n        itemName\n        tier\n        status\n        paidAt\n        currency\n        price\n        platformFee\n        platformFeeBps\n        processorFee\n        refundedAmount\n        yourShare\n        splits {\n          role\n          shareBps\n          amount\n          clawedBack\n          reversedAmount\n          transferAmount\n          transferStatus\n          transferableAt\n          recipient {\n            handle\n            displayName\n          }\n        }\n      }\n    }\n    myPayouts(first: 10) {\n      nodes {\n        id\n        amount\n        currency\n        status\n        createdAt\n        arrivalDate\n        failureCode\n      }\n    }\n  }\n": types.EarningsDocument,
    "\n  query FollowingFeed($first: Int!, $after: String) {\n    followingFeed(first: $first, after: $after) {\n      nodes {\n        id\n        verb\n        createdAt\n        actor {\n          id\n          handle\n          displayName\n        }\n        subjectKind\n        subjectId\n        subjectName\n        versionName\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.FollowingFeedDocument,
    "\n  query HomeSection($sort: SearchSort!, $first: Int!) {\n    search(sort: $sort, first: $first) {\n      hits {\n        kind\n        counts {\n          likes\n          downloads\n          rating\n          ratingCount\n        }\n        price {\n          free\n          cheapestPaid {\n            tier\n            amount\n            currency\n          }\n        }\n        model {\n          id\n          owner {\n            handle\n            displayName\n          }\n          ...ModelCard\n        }\n        template {\n          id\n          owner {\n            handle\n            displayName\n          }\n          ...TemplateCard\n        }\n      }\n    }\n  }\n": types.HomeSectionDocument,
    "\n  query HomeFollowing($first: Int!) {\n    followingFeed(first: $first) {\n      nodes {\n        id\n        verb\n        createdAt\n        actor {\n          id\n          handle\n          displayName\n        }\n        subjectKind\n        subjectId\n        subjectName\n        versionName\n        counts {\n          likes\n          downloads\n          rating\n          ratingCount\n        }\n      }\n    }\n  }\n": types.HomeFollowingDocument,
    "\n  mutation RequestRefund($orderId: UUID!, $note: String) {\n    refundOrder(orderId: $orderId, note: $note) {\n      id\n      status\n      amount\n    }\n  }\n": types.RequestRefundDocument,
    "\n  query LibraryLicenses($after: String) {\n    myLicenses(first: 50, after: $after) {\n      nodes {\n        id\n        tier\n        status\n        source\n        resourceName\n        subjectKind\n        subjectId\n        issuedAt\n        certificate\n        fileSha256s\n        revocationReason\n        priceAmount\n        priceCurrency\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.LibraryLicensesDocument,
    "\n  query LibraryOrders($after: String) {\n    myOrders(first: 50, after: $after) {\n      nodes {\n        id\n        itemName\n        tier\n        status\n        amount\n        currency\n        refundedAmount\n        createdAt\n        paidAt\n        lines {\n          id\n          itemName\n          status\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.LibraryOrdersDocument,
    "\n  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      nodes {\n        id\n        kind\n        text\n        url\n        count\n        read\n        createdAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  query NotificationPreferences {\n    notificationPreferences {\n      kind\n      inApp\n      email\n    }\n  }\n": types.NotificationPreferencesDocument,
    "\n  mutation MarkNotificationsRead($ids: [UUID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": types.MarkAllNotificationsReadDocument,
    "\n  mutation UpdateNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {\n    updateNotificationPreferences(preferences: $preferences) {\n      kind\n      inApp\n      email\n    }\n  }\n": types.UpdateNotificationPreferencesDocument,
    "\n  mutation BlockHash($sha256: String!, $reason: String!) {\n    blockFileHash(sha256: $sha256, reason: $reason)\n  }\n": types.BlockHashDocument,
    "\n  mutation RevokeLicense($id: UUID!, $reason: RevocationReason!, $note: String) {\n    revokeLicense(id: $id, reason: $reason, note: $note) {\n      id\n      status\n    }\n  }\n": types.RevokeLicenseDocument,
    "\n  query StaffUser($handle: String!) {\n    user(handle: $handle) {\n      id\n      handle\n      displayName\n    }\n  }\n": types.StaffUserDocument,
    "\n  mutation SetRoles($userId: UUID!, $roles: [Role!]!) {\n    setUserRoles(userId: $userId, roles: $roles) {\n      id\n    }\n  }\n": types.SetRolesDocument,
    "\n  mutation UpsertBaseModel($input: BaseModelInput!) {\n    upsertBaseModel(input: $input) {\n      id\n    }\n  }\n": types.UpsertBaseModelDocument,
    "\n  query MoneyReviewQueue {\n    moneyReviewQueue(first: 100) {\n      kind\n      detail\n      amount\n      currency\n      orderId\n      since\n    }\n  }\n": types.MoneyReviewQueueDocument,
    "\n  mutation CreateModel($input: CreateStyleModelInput!) {\n    createStyleModel(input: $input) {\n      id\n    }\n  }\n": types.CreateModelDocument,
    "\n  mutation UpdateModel($id: UUID!, $input: UpdateStyleModelInput!) {\n    updateStyleModel(id: $id, input: $input) {\n      id\n    }\n  }\n": types.UpdateModelDocument,
    "\n  mutation ChangeModelStatus($id: UUID!, $status: ModelStatus!) {\n    changeStyleModelStatus(id: $id, status: $status) {\n      id\n      status\n    }\n  }\n": types.ChangeModelStatusDocument,
    "\n  mutation CreateVersion($modelId: UUID!, $input: CreateModelVersionInput!) {\n    createModelVersion(modelId: $modelId, input: $input) {\n      id\n    }\n  }\n": types.CreateVersionDocument,
    "\n  mutation UpdateVersion($id: UUID!, $input: UpdateModelVersionInput!) {\n    updateModelVersion(id: $id, input: $input) {\n      id\n    }\n  }\n": types.UpdateVersionDocument,
    "\n  mutation PublishVersion($id: UUID!) {\n    publishModelVersion(id: $id) {\n      id\n      status\n    }\n  }\n": types.PublishVersionDocument,
    "\n  mutation DeriveModel($modelId: UUID!, $parentModelId: UUID!, $relation: String!, $shareBps: Int!) {\n    deriveModel(modelId: $modelId, parentModelId: $parentModelId, relation: $relation, shareBps: $shareBps) {\n      parentId\n    }\n  }\n": types.DeriveModelDocument,
    "\n  query MyTemplates {\n    myTemplates {\n      id\n      name\n      status\n      ipId\n      createdAt\n    }\n  }\n": types.MyTemplatesDocument,
    "\n  query MyModels($ownerId: UUID!, $after: String) {\n    styleModels(first: 50, after: $after, filter: { ownerId: $ownerId }) {\n      nodes {\n        id\n        name\n        type\n        status\n        updatedAt\n        baseModel {\n          name\n        }\n        versions {\n          id\n          name\n          status\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MyModelsDocument,
    "\n  query StudioModel($id: UUID!) {\n    styleModel(id: $id) {\n      id\n      name\n      type\n      baseModelId\n      description\n      tags\n      maturity\n      status\n      versions {\n        id\n        name\n        status\n        createdAt\n        publishedAt\n        files {\n          id\n        }\n        sampleImages {\n          id\n        }\n      }\n    }\n  }\n": types.StudioModelDocument,
    "\n  query StudioVersion($id: UUID!) {\n    modelVersion(id: $id) {\n      id\n      modelId\n      name\n      status\n      changelog\n      triggerWords\n      recommendedSettings {\n        key\n        value\n      }\n      files {\n        id\n        fileName\n        sizeBytes\n        declaredSize\n        scanStatus\n        rejectionMessage\n        sha256\n      }\n      sampleImages {\n        id\n        ...Image\n      }\n      licenseOffers {\n        ...LicenceOffer\n      }\n    }\n  }\n": types.StudioVersionDocument,
    "\n  query StudioVersionModel($id: UUID!) {\n    styleModel(id: $id) {\n      id\n      name\n      status\n      baseModel {\n        name\n        nonCommercial\n      }\n    }\n  }\n": types.StudioVersionModelDocument,
    "\n  mutation CreateUpload($versionId: UUID!, $input: CreateUploadInput!) {\n    createModelFileUpload(versionId: $versionId, input: $input) {\n      file {\n        id\n      }\n      upload {\n        id\n        partSize\n        partCount\n      }\n    }\n  }\n": types.CreateUploadDocument,
    "\n  query UploadedParts($uploadId: UUID!) {\n    uploadedParts(uploadId: $uploadId) {\n      partNumber\n      size\n    }\n  }\n": types.UploadedPartsDocument,
    "\n  mutation PartUrls($uploadId: UUID!, $partNumbers: [Int!]!) {\n    requestUploadPartUrls(uploadId: $uploadId, partNumbers: $partNumbers) {\n      partNumber\n      url\n    }\n  }\n": types.PartUrlsDocument,
    "\n  mutation CompleteUpload($uploadId: UUID!) {\n    completeModelFileUpload(uploadId: $uploadId) {\n      id\n      scanStatus\n    }\n  }\n": types.CompleteUploadDocument,
    "\n  mutation AbortUpload($uploadId: UUID!) {\n    abortModelFileUpload(uploadId: $uploadId)\n  }\n": types.AbortUploadDocument,
    "\n  fragment TemplateSlotFields on TemplateSlot {\n    key\n    nodeId\n    widget\n    label\n    type\n    default\n    min\n    max\n    options\n    pattern\n    maxLength\n  }\n": types.TemplateSlotFieldsFragmentDoc,
    "\n  mutation SetTemplateSlots($versionId: UUID!, $slots: [TemplateSlotInput!]!) {\n    setTemplateSlots(versionId: $versionId, slots: $slots) {\n      id\n    }\n  }\n": types.SetTemplateSlotsDocument,
    "\n  mutation PublishTemplateVersion($versionId: UUID!) {\n    publishTemplateVersion(versionId: $versionId) {\n      id\n      status\n    }\n  }\n": types.PublishTemplateVersionDocument,
    "\n  mutation CreateTemplate($input: CreateTemplateInput!) {\n    createTemplate(input: $input) {\n      id\n    }\n  }\n": types.CreateTemplateDocument,
    "\n  mutation RemixTemplate($parentId: UUID!, $name: String!, $shareBps: Int!) {\n    remixTemplate(parentId: $parentId, name: $name, shareBps: $shareBps) {\n      id\n    }\n  }\n": types.RemixTemplateDocument,
    "\n  mutation RegisterIp($input: RegisterIpInput!) {\n    registerIntellectualProperty(input: $input) {\n      id\n    }\n  }\n": types.RegisterIpDocument,
    "\n  mutation BindTemplate($templateId: UUID!, $ipId: UUID!, $terms: RemixTermsInput!, $lockedSubgraphId: String) {\n    bindTemplateToIp(templateId: $templateId, ipId: $ipId, terms: $terms, lockedSubgraphId: $lockedSubgraphId) {\n      id\n      ipId\n    }\n  }\n": types.BindTemplateDocument,
    "\n  mutation UnbindTemplate($templateId: UUID!) {\n    unbindTemplateFromIp(templateId: $templateId) {\n      releasedRemixes\n      approvedRemixes\n      template {\n        id\n        name\n      }\n    }\n  }\n": types.UnbindTemplateDocument,
    "\n  mutation DecideRemix($templateId: UUID!, $approve: Boolean!) {\n    decideRemix(templateId: $templateId, approve: $approve) {\n      status\n    }\n  }\n": types.DecideRemixDocument,
    "\n  mutation CheckoutOffers($offerIds: [UUID!]!) {\n    checkoutOffers(offerIds: $offerIds) {\n      checkoutUrl\n      order {\n        id\n      }\n    }\n  }\n": types.CheckoutOffersDocument,
    "\n  query TemplatePage($id: UUID!) {\n    template(id: $id) {\n      id\n      ownerId\n      owner {\n        ...TemplateOwnerFields\n      }\n      name\n      description\n      tags\n      status\n      ipId\n      likeCount\n      viewerHasLiked\n      rating {\n        average\n        count\n        histogram\n      }\n      terms {\n        remixAllowed\n        changeableSlots\n        allowedUses\n        attribution\n        ipShareBps\n        maxMaturity\n        requiredTags\n        approval\n      }\n      versions {\n        id\n        label\n        status\n        hasWorkflow\n        hasPrompt\n        sourceSha256\n        sampleImages {\n          id\n          ...Image\n        }\n        slots {\n          ...TemplateSlotFields\n        }\n        suggestedSlots {\n          ...TemplateSlotFields\n        }\n        lockfile {\n          nodes {\n            id\n            source\n            version\n          }\n          models {\n            slot\n            kind\n            folder\n            name\n            sha256\n            unused\n          }\n        }\n        warnings {\n          code\n          message\n        }\n        myLicenses {\n          id\n          tier\n        }\n        licenseOffers {\n          ...LicenceOffer\n        }\n      }\n    }\n    templateLineage(id: $id) {\n      ancestors {\n        parentId\n        depth\n        status\n        shareBps\n      }\n      descendants {\n        childId\n        depth\n        status\n      }\n    }\n  }\n": types.TemplatePageDocument,
    "\n  query TemplateRollup($versionId: UUID!, $purpose: TemplateUse!) {\n    templateVersion(id: $versionId) {\n      id\n      licenseRollup(purpose: $purpose) {\n        purpose\n        verdict\n        reasons\n        lines {\n          kind\n          name\n          slot\n          status\n          reason\n          resolved {\n            matchedBy\n            modelId\n            modelName\n            versionName\n          }\n          published {\n            matchedBy\n            title\n            fileName\n            baseModelName\n            sourceUrl\n            license {\n              name\n              url\n              conditions\n              nonCommercial\n            }\n          }\n          held {\n            id\n            tier\n          }\n          offer {\n            id\n            tier\n            priceAmount\n            priceCurrency\n          }\n        }\n        missingTotals {\n          currency\n          amount\n          licenses\n        }\n      }\n    }\n  }\n": types.TemplateRollupDocument,
    "\n  query IpConsole {\n    myIntellectualProperties {\n      id\n      name\n      kind\n      description\n    }\n    myTemplates {\n      id\n      name\n      status\n      ipId\n      terms {\n        ipShareBps\n        approval\n      }\n      ipBinding {\n        ipId\n        boundAt\n        lockedSubgraph {\n          name\n        }\n      }\n    }\n    remixQueue {\n      childId\n      parentId\n      shareBps\n      createdAt\n      child {\n        name\n        owner {\n          ...TemplateOwnerFields\n        }\n      }\n      parent {\n        name\n      }\n    }\n  }\n": types.IpConsoleDocument,
    "\n  query TemplateSubgraphs($id: UUID!) {\n    template(id: $id) {\n      id\n      versions {\n        id\n        subgraphs {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.TemplateSubgraphsDocument,
    "\n  query RenderTemplate($versionId: UUID!, $params: [TemplateParamInput!]) {\n    renderTemplate(versionId: $versionId, params: $params) {\n      workflow\n      prompt\n    }\n  }\n": types.RenderTemplateDocument,
    "\n  query VerifyLicense($certificate: String!) {\n    verifyLicense(certificate: $certificate) {\n      valid\n      status\n      problem\n      message\n      license {\n        id\n        tier\n        status\n        resourceName\n        subjectId\n        issuedAt\n        revokedAt\n        revocationReason\n        termsText\n        fileSha256s\n        licensee {\n          handle\n          displayName\n        }\n        permissions {\n          commercialUse\n          derivativesAllowed\n          creditRequired\n          creditLine\n          seats\n        }\n      }\n    }\n  }\n": types.VerifyLicenseDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BaseModels {\n    baseModels {\n      id\n      name\n      ecosystem\n      nonCommercial\n      licenseName\n    }\n  }\n"): typeof import('./graphql').BaseModelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Checkout($offerId: UUID!) {\n    checkout(offerId: $offerId) {\n      checkoutUrl\n      order {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').CheckoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CollectionCardFields on Collection {\n    id\n    title\n    description\n    visibility\n    itemCount\n    followerCount\n    viewerRole\n    cover {\n      url\n      width\n      height\n      placeholder\n      thumbnails {\n        url\n        width\n        height\n      }\n    }\n    owner {\n      id\n      handle\n      displayName\n    }\n  }\n"): typeof import('./graphql').CollectionCardFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeaturedCollections($first: Int!) {\n    featuredCollections(first: $first) {\n      ...CollectionCardFields\n    }\n  }\n"): typeof import('./graphql').FeaturedCollectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberCollections($handle: String!) {\n    memberCollections(handle: $handle, first: 48) {\n      ...CollectionCardFields\n    }\n  }\n"): typeof import('./graphql').MemberCollectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCollections {\n    myCollections {\n      ...CollectionCardFields\n      id\n      title\n      visibility\n      viewerRole\n      viewerCan {\n        editItems\n      }\n    }\n  }\n"): typeof import('./graphql').MyCollectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CollectionsHolding($kind: CollectionItemKind!, $itemId: UUID!) {\n    collectionsHolding(kind: $kind, itemId: $itemId)\n  }\n"): typeof import('./graphql').CollectionsHoldingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCollection($input: CreateCollectionInput!) {\n    createCollection(input: $input) {\n      id\n      title\n    }\n  }\n"): typeof import('./graphql').CreateCollectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddToCollection($collectionId: UUID!, $kind: CollectionItemKind!, $itemId: UUID!, $note: String) {\n    addToCollection(collectionId: $collectionId, kind: $kind, itemId: $itemId, note: $note) {\n      id\n      itemCount\n    }\n  }\n"): typeof import('./graphql').AddToCollectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveFromCollection($collectionId: UUID!, $kind: CollectionItemKind!, $itemId: UUID!) {\n    removeFromCollection(collectionId: $collectionId, kind: $kind, itemId: $itemId) {\n      id\n      itemCount\n    }\n  }\n"): typeof import('./graphql').RemoveFromCollectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommentFields on Comment {\n    id\n    parentId\n    replyToId\n    depth\n    text\n    createdAt\n    editedAt\n    deleted\n    hidden\n    pinned\n    replyCount\n    viewerIsAuthor\n    author {\n      id\n      handle\n      displayName\n    }\n    body {\n      type\n      parent\n      text\n      href\n      userId\n    }\n  }\n"): typeof import('./graphql').CommentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DiscussionPage($kind: DiscussionSubjectKind!, $id: UUID!, $order: CommentOrder!, $first: Int!, $after: String) {\n    discussion(subjectKind: $kind, subjectId: $id, order: $order, first: $first, after: $after) {\n      commentCount\n      viewerIsCreator\n      endCursor\n      hasMore\n      comments {\n        ...CommentFields\n        replies {\n          ...CommentFields\n          replies {\n            ...CommentFields\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DiscussionPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MoreReplies($id: UUID!, $first: Int!, $after: String) {\n    commentReplies(commentId: $id, first: $first, after: $after) {\n      endCursor\n      hasMore\n      replies {\n        ...CommentFields\n        replies {\n          ...CommentFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MoreRepliesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommentPreview($text: String!) {\n    commentPreview(text: $text) {\n      type\n      parent\n      text\n      href\n      userId\n    }\n  }\n"): typeof import('./graphql').CommentPreviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostComment($input: PostCommentInput!) {\n    postComment(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').PostCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditComment($id: UUID!, $text: String!) {\n    editComment(id: $id, text: $text) {\n      id\n    }\n  }\n"): typeof import('./graphql').EditCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteComment($id: UUID!) {\n    deleteComment(id: $id) {\n      id\n      removed\n    }\n  }\n"): typeof import('./graphql').DeleteCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PinComment($id: UUID!, $pinned: Boolean!) {\n    pinComment(id: $id, pinned: $pinned) {\n      id\n    }\n  }\n"): typeof import('./graphql').PinCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HideComment($id: UUID!, $hidden: Boolean!) {\n    hideComment(id: $id, hidden: $hidden) {\n      id\n    }\n  }\n"): typeof import('./graphql').HideCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ModelOwnerFields on ModelOwner {\n    id\n    handle\n    displayName\n  }\n"): typeof import('./graphql').ModelOwnerFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TemplateOwnerFields on TemplateOwner {\n    id\n    handle\n    displayName\n  }\n"): typeof import('./graphql').TemplateOwnerFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicModelParents($modelId: UUID!) {\n    modelParents(modelId: $modelId) {\n      parentId\n      relation\n      shareBps\n      parentModel {\n        id\n        name\n        owner {\n          displayName\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PublicModelParentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOffers($versionId: UUID!, $offers: [LicenseOfferInput!]!) {\n    setLicenseOffers(versionId: $versionId, offers: $offers) {\n      id\n      tier\n      revision\n    }\n  }\n"): typeof import('./graphql').SetOffersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTemplateOffers($versionId: UUID!, $offers: [LicenseOfferInput!]!) {\n    setTemplateLicenseOffers(versionId: $versionId, offers: $offers) {\n      id\n      tier\n      revision\n    }\n  }\n"): typeof import('./graphql').SetTemplateOffersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewFields on Review {\n    id\n    subjectKind\n    subjectId\n    subjectName\n    author {\n      id\n      handle\n      displayName\n    }\n    rating\n    body\n    licenseTier\n    verified\n    helpfulCount\n    viewerFoundHelpful\n    editCount\n    createdAt\n    editedAt\n    reply {\n      body\n      repliedAt\n      editedAt\n    }\n  }\n"): typeof import('./graphql').ReviewFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubjectReviews($kind: ReviewSubjectKind!, $subjectId: UUID!, $first: Int!, $after: String) {\n    reviews(kind: $kind, subjectId: $subjectId, first: $first, after: $after) {\n      nodes {\n        ...ReviewFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').SubjectReviewsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberReviews($userId: UUID!, $first: Int!, $after: String) {\n    memberReviews(userId: $userId, first: $first, after: $after) {\n      nodes {\n        ...ReviewFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').MemberReviewsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewEligibility($kind: ReviewSubjectKind!, $subjectId: UUID!) {\n    reviewEligibility(kind: $kind, subjectId: $subjectId) {\n      canReview\n      reason\n      licenseTier\n      review {\n        ...ReviewFields\n      }\n    }\n  }\n"): typeof import('./graphql').ReviewEligibilityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewRevisions($reviewId: UUID!) {\n    reviewRevisions(reviewId: $reviewId) {\n      revision\n      rating\n      body\n      writtenAt\n    }\n  }\n"): typeof import('./graphql').ReviewRevisionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WriteReview($kind: ReviewSubjectKind!, $subjectId: UUID!, $input: ReviewInput!) {\n    writeReview(kind: $kind, subjectId: $subjectId, input: $input) {\n      ...ReviewFields\n    }\n  }\n"): typeof import('./graphql').WriteReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditReview($reviewId: UUID!, $input: ReviewInput!) {\n    editReview(reviewId: $reviewId, input: $input) {\n      ...ReviewFields\n    }\n  }\n"): typeof import('./graphql').EditReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplyToReview($reviewId: UUID!, $body: String!) {\n    replyToReview(reviewId: $reviewId, body: $body) {\n      ...ReviewFields\n    }\n  }\n"): typeof import('./graphql').ReplyToReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VoteReviewHelpful($reviewId: UUID!, $helpful: Boolean!) {\n    voteReviewHelpful(reviewId: $reviewId, helpful: $helpful) {\n      id\n      helpfulCount\n      viewerFoundHelpful\n    }\n  }\n"): typeof import('./graphql').VoteReviewHelpfulDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SavedSearches {\n    savedSearches {\n      id\n      name\n      query\n      sort\n      url\n      createdAt\n    }\n  }\n"): typeof import('./graphql').SavedSearchesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveSearch(\n    $name: String\n    $query: String\n    $filters: SearchFilterInput\n    $exclude: SearchExcludeInput\n    $sort: SearchSort\n  ) {\n    saveSearch(name: $name, query: $query, filters: $filters, exclude: $exclude, sort: $sort) {\n      id\n      name\n      url\n    }\n  }\n"): typeof import('./graphql').SaveSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameSavedSearch($id: UUID!, $name: String!) {\n    renameSavedSearch(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').RenameSavedSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSavedSearch($id: UUID!) {\n    deleteSavedSearch(id: $id)\n  }\n"): typeof import('./graphql').DeleteSavedSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Browse(\n    $query: String\n    $filters: SearchFilterInput\n    $exclude: SearchExcludeInput\n    $sort: SearchSort\n    $first: Int!\n    $after: String\n    $withFacets: Boolean!\n  ) {\n    search(query: $query, filters: $filters, exclude: $exclude, sort: $sort, first: $first, after: $after) {\n      total\n      hasNextPage\n      endCursor\n      didYouMean\n      droppedWords\n      hashMatch\n      maturity\n      hits {\n        kind\n        counts {\n          likes\n          downloads\n          rating\n          ratingCount\n        }\n        price {\n          free\n          cheapestPaid {\n            tier\n            amount\n            currency\n          }\n        }\n        model {\n          id\n          ...ModelCard\n        }\n        template {\n          id\n          ...TemplateCard\n        }\n        highlights {\n          field\n          segments {\n            text\n            match\n          }\n        }\n      }\n      facets @include(if: $withFacets) {\n        facet\n        values {\n          value\n          count\n        }\n      }\n      creators(first: 4) @include(if: $withFacets) {\n        handle\n        name\n        models\n        templates\n      }\n    }\n  }\n"): typeof import('./graphql').BrowseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      handle\n      displayName\n      email\n      roles\n      maxMaturity\n      createdAt\n      emailVerified\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): typeof import('./graphql').SignOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Like($kind: LikeSubjectKind!, $id: UUID!) {\n    like(kind: $kind, id: $id) {\n      liked\n      likeCount\n    }\n  }\n"): typeof import('./graphql').LikeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unlike($kind: LikeSubjectKind!, $id: UUID!) {\n    unlike(kind: $kind, id: $id) {\n      liked\n      likeCount\n    }\n  }\n"): typeof import('./graphql').UnlikeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Follow($kind: FollowTargetKind!, $id: UUID!) {\n    follow(kind: $kind, id: $id) {\n      following\n      followerCount\n    }\n  }\n"): typeof import('./graphql').FollowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unfollow($kind: FollowTargetKind!, $id: UUID!) {\n    unfollow(kind: $kind, id: $id) {\n      following\n      followerCount\n    }\n  }\n"): typeof import('./graphql').UnfollowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FollowState($kind: FollowTargetKind!, $id: UUID!) {\n    followState(kind: $kind, id: $id) {\n      following\n      followerCount\n    }\n  }\n"): typeof import('./graphql').FollowStateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ModelCard on StyleModel {\n    id\n    name\n    type\n    owner {\n      ...ModelOwnerFields\n    }\n    baseModel {\n      name\n    }\n    versions {\n      id\n      sampleImages {\n        id\n        ...Image\n      }\n      licenseOffers {\n        id\n        tier\n        priceAmount\n        priceCurrency\n        permissions {\n          commercialUse\n          derivativesAllowed\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ModelCardFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LicenceOffer on LicenseOffer {\n    id\n    tier\n    revision\n    priceAmount\n    priceCurrency\n    termsText\n    termsSha256\n    permissions {\n      commercialUse\n      derivativesAllowed\n      derivativeMayChangeLicense\n      creditRequired\n      creditLine\n      seats\n      revenueCap\n      printRunCap\n    }\n  }\n"): typeof import('./graphql').LicenceOfferFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Image on SampleImage {\n    url\n    width\n    height\n    placeholder\n    thumbnails {\n      url\n      width\n      height\n    }\n  }\n"): typeof import('./graphql').ImageFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TemplateCard on WorkflowTemplate {\n    id\n    name\n    tags\n    ipId\n    cover {\n      ...Image\n    }\n    owner {\n      ...TemplateOwnerFields\n    }\n  }\n"): typeof import('./graphql').TemplateCardFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n    }\n  }\n"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n    }\n  }\n"): typeof import('./graphql').SignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($id: UUID!) {\n    revokeSession(id: $id)\n  }\n"): typeof import('./graphql').RevokeSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').CreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: UUID!) {\n    revokeApiKey(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').RevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMaturityPreference($maxMaturity: Maturity!) {\n    setMaturityPreference(maxMaturity: $maxMaturity) {\n      id\n      maxMaturity\n    }\n  }\n"): typeof import('./graphql').SetMaturityPreferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      id\n      email\n      emailVerified\n    }\n  }\n"): typeof import('./graphql').VerifyEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').UpdateProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n"): typeof import('./graphql').ResendVerificationEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): typeof import('./graphql').RequestPasswordResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"): typeof import('./graphql').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestEmailChange($input: RequestEmailChangeInput!) {\n    requestEmailChange(input: $input)\n  }\n"): typeof import('./graphql').RequestEmailChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmEmailChange($token: String!) {\n    confirmEmailChange(token: $token) {\n      id\n      email\n      emailVerified\n    }\n  }\n"): typeof import('./graphql').ConfirmEmailChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClearProfileImage($slot: ProfileImageSlot!) {\n    clearProfileImage(slot: $slot) {\n      id\n    }\n  }\n"): typeof import('./graphql').ClearProfileImageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BlockUser($userId: UUID!) {\n    blockUser(userId: $userId) {\n      blocked\n    }\n  }\n"): typeof import('./graphql').BlockUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnblockUser($userId: UUID!) {\n    unblockUser(userId: $userId) {\n      blocked\n    }\n  }\n"): typeof import('./graphql').UnblockUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Account {\n    mySessions(first: 50) {\n      nodes {\n        id\n        current\n        userAgent\n        createdAt\n        lastUsedAt\n        expiresAt\n      }\n    }\n    myApiKeys(first: 50) {\n      nodes {\n        id\n        name\n        displayPrefix\n        scopes\n        createdAt\n        lastUsedAt\n        expiresAt\n        revokedAt\n      }\n    }\n  }\n"): typeof import('./graphql').AccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Profile($handle: String!) {\n    user(handle: $handle) {\n      id\n      createdAt\n    }\n    profile(handle: $handle) {\n      id\n      handle\n      displayName\n      bio\n      links {\n        label\n        url\n      }\n      avatar {\n        url\n        placeholder\n        thumbnails {\n          width\n          url\n        }\n      }\n      cover {\n        url\n        thumbnails {\n          width\n          url\n        }\n      }\n      showLicensesSold\n      isViewer\n      viewerFollows\n      viewerBlocked\n      stats {\n        followers\n        following\n        models\n        templates\n        downloads\n        likesReceived\n        licensesSold\n      }\n    }\n  }\n"): typeof import('./graphql').ProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BlockedUsers {\n    blockedUsers {\n      id\n      handle\n      displayName\n      blockedAt\n    }\n  }\n"): typeof import('./graphql').BlockedUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestDownload($fileId: UUID!) {\n    requestModelFileDownload(fileId: $fileId) {\n      url\n      fileName\n      sha256\n      sizeBytes\n    }\n  }\n"): typeof import('./graphql').RequestDownloadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimFree($versionId: UUID!) {\n    claimFreeLicense(versionId: $versionId) {\n      id\n    }\n  }\n"): typeof import('./graphql').ClaimFreeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelPage($id: UUID!) {\n    styleModel(id: $id) {\n      id\n      name\n      description\n      type\n      tags\n      status\n      publishedAt\n      likeCount\n      downloadCount\n      viewerHasLiked\n      rating {\n        average\n        count\n        histogram\n      }\n      owner {\n        ...ModelOwnerFields\n      }\n      baseModel {\n        id\n        name\n        licenseName\n        nonCommercial\n      }\n      versions {\n        id\n        name\n        status\n        publishedAt\n        ...Gallery\n        ...VersionDetails\n        ...VersionOffers\n      }\n    }\n  }\n"): typeof import('./graphql').ModelPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VersionModel($id: UUID!) {\n    modelVersion(id: $id) {\n      modelId\n    }\n  }\n"): typeof import('./graphql').VersionModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FacetValues(\n    $facet: SearchFacet!\n    $prefix: String!\n    $query: String\n    $filters: SearchFilterInput\n    $exclude: SearchExcludeInput\n  ) {\n    facetValues(facet: $facet, prefix: $prefix, query: $query, filters: $filters, exclude: $exclude) {\n      value\n      count\n    }\n  }\n"): typeof import('./graphql').FacetValuesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Suggest($prefix: String!) {\n    suggest(prefix: $prefix) {\n      kind\n      text\n      ref\n    }\n  }\n"): typeof import('./graphql').SuggestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Gallery on ModelVersion {\n    id\n    sampleImages {\n      id\n      ...Image\n      linkedVersionIds\n      generation {\n        tool\n        prompt\n        negativePrompt\n        seed\n        sampler\n        scheduler\n        steps\n        cfgScale\n        guidance\n        width\n        height\n        resources {\n          kind\n          name\n          hash\n          weight\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').GalleryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VersionDetails on ModelVersion {\n    id\n    name\n    changelog\n    publishedAt\n    downloadCount\n    access\n    ownedByMe\n    triggerWords\n    recommendedSettings {\n      key\n      value\n    }\n    parents {\n      versionId\n      relation\n    }\n    files {\n      id\n      fileName\n      format\n      precision\n      role\n      sizeBytes\n      declaredSize\n      sha256\n      autoV2\n      scanStatus\n    }\n  }\n"): typeof import('./graphql').VersionDetailsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VersionOffers on ModelVersion {\n    id\n    name\n    ownedByMe\n    myLicenses {\n      id\n      tier\n      status\n    }\n    licenseOffers {\n      ...LicenceOffer\n    }\n  }\n"): typeof import('./graphql').VersionOffersFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefundLine($orderId: UUID!, $lineId: UUID!, $note: String) {\n    refundOrder(orderId: $orderId, lineId: $lineId, note: $note) {\n      id\n      status\n      amount\n    }\n  }\n"): typeof import('./graphql').RefundLineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Order($id: UUID!) {\n    order(id: $id) {\n      id\n      itemName\n      status\n      amount\n      currency\n      createdAt\n      paidAt\n      refundedAmount\n      checkoutUrl\n      lastPaymentError\n      lines {\n        id\n        position\n        itemName\n        tier\n        amount\n        refundedAmount\n        status\n        licenseId\n        unavailableReason\n        subjectId\n        subjectKind\n        seller {\n          handle\n          displayName\n        }\n      }\n      refunds {\n        id\n        amount\n        status\n        reason\n        note\n        createdAt\n        lines {\n          lineId\n          amount\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCollection($id: UUID!, $input: UpdateCollectionInput!) {\n    updateCollection(id: $id, input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').UpdateCollectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCollection($id: UUID!) {\n    deleteCollection(id: $id)\n  }\n"): typeof import('./graphql').DeleteCollectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveCollectionItem($collectionId: UUID!, $id: ID!, $afterId: ID) {\n    moveCollectionItem(collectionId: $collectionId, id: $id, afterId: $afterId) {\n      id\n    }\n  }\n"): typeof import('./graphql').MoveCollectionItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCollectionItemNote($collectionId: UUID!, $id: ID!, $note: String!) {\n    setCollectionItemNote(collectionId: $collectionId, id: $id, note: $note) {\n      id\n    }\n  }\n"): typeof import('./graphql').SetCollectionItemNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteCollectionEditor($collectionId: UUID!, $handle: String!) {\n    inviteCollectionEditor(collectionId: $collectionId, handle: $handle) {\n      id\n    }\n  }\n"): typeof import('./graphql').InviteCollectionEditorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptCollectionInvite($collectionId: UUID!) {\n    acceptCollectionInvite(collectionId: $collectionId) {\n      id\n    }\n  }\n"): typeof import('./graphql').AcceptCollectionInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveCollection($collectionId: UUID!) {\n    leaveCollection(collectionId: $collectionId)\n  }\n"): typeof import('./graphql').LeaveCollectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveCollectionEditor($collectionId: UUID!, $userId: UUID!) {\n    removeCollectionEditor(collectionId: $collectionId, userId: $userId) {\n      id\n    }\n  }\n"): typeof import('./graphql').RemoveCollectionEditorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FollowCollection($id: UUID!) {\n    followCollection(id: $id) {\n      following\n      followerCount\n    }\n  }\n"): typeof import('./graphql').FollowCollectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnfollowCollection($id: UUID!) {\n    unfollowCollection(id: $id) {\n      following\n      followerCount\n    }\n  }\n"): typeof import('./graphql').UnfollowCollectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CollectionPage($id: UUID!) {\n    collection(id: $id) {\n      id\n      title\n      description\n      visibility\n      itemCount\n      followerCount\n      viewerFollows\n      viewerRole\n      coverItemId\n      updatedAt\n      viewerCan {\n        editItems\n        editSettings\n        delete\n        manageEditors\n        accept\n        leave\n        follow\n      }\n      owner {\n        id\n        handle\n        displayName\n      }\n      editors {\n        id\n        handle\n        displayName\n        status\n      }\n      items {\n        id\n        kind\n        itemId\n        note\n        available\n        imageModelId\n        image {\n          id\n          ...Image\n        }\n        model {\n          ...ModelCard\n        }\n        template {\n          ...TemplateCard\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CollectionPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartOnboarding {\n    startPayoutOnboarding(returnPath: \"/earnings?onboarding=return\") {\n      url\n    }\n  }\n"): typeof import('./graphql').StartOnboardingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Earnings {\n    myEarnings {\n      currency\n      pending\n      available\n      paidOut\n      lifetimeEarnings\n    }\n    myEarningsByDay(days: 90) {\n      currency\n      total\n      days {\n        day\n        amount\n      }\n    }\n    myPayoutAccount {\n      status\n      payoutsEnabled\n      requirementsDue\n      payoutFailureCode\n    }\n    mySales(first: 20) {\n      nodes {\n        orderId\n        itemName\n        tier\n        status\n        paidAt\n        currency\n        price\n        platformFee\n        platformFeeBps\n        processorFee\n        refundedAmount\n        yourShare\n        splits {\n          role\n          shareBps\n          amount\n          clawedBack\n          reversedAmount\n          transferAmount\n          transferStatus\n          transferableAt\n          recipient {\n            handle\n            displayName\n          }\n        }\n      }\n    }\n    myPayouts(first: 10) {\n      nodes {\n        id\n        amount\n        currency\n        status\n        createdAt\n        arrivalDate\n        failureCode\n      }\n    }\n  }\n"): typeof import('./graphql').EarningsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FollowingFeed($first: Int!, $after: String) {\n    followingFeed(first: $first, after: $after) {\n      nodes {\n        id\n        verb\n        createdAt\n        actor {\n          id\n          handle\n          displayName\n        }\n        subjectKind\n        subjectId\n        subjectName\n        versionName\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').FollowingFeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomeSection($sort: SearchSort!, $first: Int!) {\n    search(sort: $sort, first: $first) {\n      hits {\n        kind\n        counts {\n          likes\n          downloads\n          rating\n          ratingCount\n        }\n        price {\n          free\n          cheapestPaid {\n            tier\n            amount\n            currency\n          }\n        }\n        model {\n          id\n          owner {\n            handle\n            displayName\n          }\n          ...ModelCard\n        }\n        template {\n          id\n          owner {\n            handle\n            displayName\n          }\n          ...TemplateCard\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').HomeSectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomeFollowing($first: Int!) {\n    followingFeed(first: $first) {\n      nodes {\n        id\n        verb\n        createdAt\n        actor {\n          id\n          handle\n          displayName\n        }\n        subjectKind\n        subjectId\n        subjectName\n        versionName\n        counts {\n          likes\n          downloads\n          rating\n          ratingCount\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').HomeFollowingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestRefund($orderId: UUID!, $note: String) {\n    refundOrder(orderId: $orderId, note: $note) {\n      id\n      status\n      amount\n    }\n  }\n"): typeof import('./graphql').RequestRefundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LibraryLicenses($after: String) {\n    myLicenses(first: 50, after: $after) {\n      nodes {\n        id\n        tier\n        status\n        source\n        resourceName\n        subjectKind\n        subjectId\n        issuedAt\n        certificate\n        fileSha256s\n        revocationReason\n        priceAmount\n        priceCurrency\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').LibraryLicensesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LibraryOrders($after: String) {\n    myOrders(first: 50, after: $after) {\n      nodes {\n        id\n        itemName\n        tier\n        status\n        amount\n        currency\n        refundedAmount\n        createdAt\n        paidAt\n        lines {\n          id\n          itemName\n          status\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').LibraryOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      nodes {\n        id\n        kind\n        text\n        url\n        count\n        read\n        createdAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').NotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): typeof import('./graphql').UnreadNotificationCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationPreferences {\n    notificationPreferences {\n      kind\n      inApp\n      email\n    }\n  }\n"): typeof import('./graphql').NotificationPreferencesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [UUID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"): typeof import('./graphql').MarkNotificationsReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"): typeof import('./graphql').MarkAllNotificationsReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {\n    updateNotificationPreferences(preferences: $preferences) {\n      kind\n      inApp\n      email\n    }\n  }\n"): typeof import('./graphql').UpdateNotificationPreferencesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BlockHash($sha256: String!, $reason: String!) {\n    blockFileHash(sha256: $sha256, reason: $reason)\n  }\n"): typeof import('./graphql').BlockHashDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeLicense($id: UUID!, $reason: RevocationReason!, $note: String) {\n    revokeLicense(id: $id, reason: $reason, note: $note) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RevokeLicenseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffUser($handle: String!) {\n    user(handle: $handle) {\n      id\n      handle\n      displayName\n    }\n  }\n"): typeof import('./graphql').StaffUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRoles($userId: UUID!, $roles: [Role!]!) {\n    setUserRoles(userId: $userId, roles: $roles) {\n      id\n    }\n  }\n"): typeof import('./graphql').SetRolesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpsertBaseModel($input: BaseModelInput!) {\n    upsertBaseModel(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').UpsertBaseModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MoneyReviewQueue {\n    moneyReviewQueue(first: 100) {\n      kind\n      detail\n      amount\n      currency\n      orderId\n      since\n    }\n  }\n"): typeof import('./graphql').MoneyReviewQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateModel($input: CreateStyleModelInput!) {\n    createStyleModel(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateModel($id: UUID!, $input: UpdateStyleModelInput!) {\n    updateStyleModel(id: $id, input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').UpdateModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeModelStatus($id: UUID!, $status: ModelStatus!) {\n    changeStyleModelStatus(id: $id, status: $status) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ChangeModelStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateVersion($modelId: UUID!, $input: CreateModelVersionInput!) {\n    createModelVersion(modelId: $modelId, input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateVersion($id: UUID!, $input: UpdateModelVersionInput!) {\n    updateModelVersion(id: $id, input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').UpdateVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishVersion($id: UUID!) {\n    publishModelVersion(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').PublishVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeriveModel($modelId: UUID!, $parentModelId: UUID!, $relation: String!, $shareBps: Int!) {\n    deriveModel(modelId: $modelId, parentModelId: $parentModelId, relation: $relation, shareBps: $shareBps) {\n      parentId\n    }\n  }\n"): typeof import('./graphql').DeriveModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTemplates {\n    myTemplates {\n      id\n      name\n      status\n      ipId\n      createdAt\n    }\n  }\n"): typeof import('./graphql').MyTemplatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyModels($ownerId: UUID!, $after: String) {\n    styleModels(first: 50, after: $after, filter: { ownerId: $ownerId }) {\n      nodes {\n        id\n        name\n        type\n        status\n        updatedAt\n        baseModel {\n          name\n        }\n        versions {\n          id\n          name\n          status\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').MyModelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioModel($id: UUID!) {\n    styleModel(id: $id) {\n      id\n      name\n      type\n      baseModelId\n      description\n      tags\n      maturity\n      status\n      versions {\n        id\n        name\n        status\n        createdAt\n        publishedAt\n        files {\n          id\n        }\n        sampleImages {\n          id\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').StudioModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioVersion($id: UUID!) {\n    modelVersion(id: $id) {\n      id\n      modelId\n      name\n      status\n      changelog\n      triggerWords\n      recommendedSettings {\n        key\n        value\n      }\n      files {\n        id\n        fileName\n        sizeBytes\n        declaredSize\n        scanStatus\n        rejectionMessage\n        sha256\n      }\n      sampleImages {\n        id\n        ...Image\n      }\n      licenseOffers {\n        ...LicenceOffer\n      }\n    }\n  }\n"): typeof import('./graphql').StudioVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioVersionModel($id: UUID!) {\n    styleModel(id: $id) {\n      id\n      name\n      status\n      baseModel {\n        name\n        nonCommercial\n      }\n    }\n  }\n"): typeof import('./graphql').StudioVersionModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUpload($versionId: UUID!, $input: CreateUploadInput!) {\n    createModelFileUpload(versionId: $versionId, input: $input) {\n      file {\n        id\n      }\n      upload {\n        id\n        partSize\n        partCount\n      }\n    }\n  }\n"): typeof import('./graphql').CreateUploadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UploadedParts($uploadId: UUID!) {\n    uploadedParts(uploadId: $uploadId) {\n      partNumber\n      size\n    }\n  }\n"): typeof import('./graphql').UploadedPartsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartUrls($uploadId: UUID!, $partNumbers: [Int!]!) {\n    requestUploadPartUrls(uploadId: $uploadId, partNumbers: $partNumbers) {\n      partNumber\n      url\n    }\n  }\n"): typeof import('./graphql').PartUrlsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteUpload($uploadId: UUID!) {\n    completeModelFileUpload(uploadId: $uploadId) {\n      id\n      scanStatus\n    }\n  }\n"): typeof import('./graphql').CompleteUploadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AbortUpload($uploadId: UUID!) {\n    abortModelFileUpload(uploadId: $uploadId)\n  }\n"): typeof import('./graphql').AbortUploadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TemplateSlotFields on TemplateSlot {\n    key\n    nodeId\n    widget\n    label\n    type\n    default\n    min\n    max\n    options\n    pattern\n    maxLength\n  }\n"): typeof import('./graphql').TemplateSlotFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTemplateSlots($versionId: UUID!, $slots: [TemplateSlotInput!]!) {\n    setTemplateSlots(versionId: $versionId, slots: $slots) {\n      id\n    }\n  }\n"): typeof import('./graphql').SetTemplateSlotsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishTemplateVersion($versionId: UUID!) {\n    publishTemplateVersion(versionId: $versionId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').PublishTemplateVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTemplate($input: CreateTemplateInput!) {\n    createTemplate(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateTemplateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemixTemplate($parentId: UUID!, $name: String!, $shareBps: Int!) {\n    remixTemplate(parentId: $parentId, name: $name, shareBps: $shareBps) {\n      id\n    }\n  }\n"): typeof import('./graphql').RemixTemplateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterIp($input: RegisterIpInput!) {\n    registerIntellectualProperty(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').RegisterIpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BindTemplate($templateId: UUID!, $ipId: UUID!, $terms: RemixTermsInput!, $lockedSubgraphId: String) {\n    bindTemplateToIp(templateId: $templateId, ipId: $ipId, terms: $terms, lockedSubgraphId: $lockedSubgraphId) {\n      id\n      ipId\n    }\n  }\n"): typeof import('./graphql').BindTemplateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnbindTemplate($templateId: UUID!) {\n    unbindTemplateFromIp(templateId: $templateId) {\n      releasedRemixes\n      approvedRemixes\n      template {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').UnbindTemplateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideRemix($templateId: UUID!, $approve: Boolean!) {\n    decideRemix(templateId: $templateId, approve: $approve) {\n      status\n    }\n  }\n"): typeof import('./graphql').DecideRemixDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckoutOffers($offerIds: [UUID!]!) {\n    checkoutOffers(offerIds: $offerIds) {\n      checkoutUrl\n      order {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').CheckoutOffersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TemplatePage($id: UUID!) {\n    template(id: $id) {\n      id\n      ownerId\n      owner {\n        ...TemplateOwnerFields\n      }\n      name\n      description\n      tags\n      status\n      ipId\n      likeCount\n      viewerHasLiked\n      rating {\n        average\n        count\n        histogram\n      }\n      terms {\n        remixAllowed\n        changeableSlots\n        allowedUses\n        attribution\n        ipShareBps\n        maxMaturity\n        requiredTags\n        approval\n      }\n      versions {\n        id\n        label\n        status\n        hasWorkflow\n        hasPrompt\n        sourceSha256\n        sampleImages {\n          id\n          ...Image\n        }\n        slots {\n          ...TemplateSlotFields\n        }\n        suggestedSlots {\n          ...TemplateSlotFields\n        }\n        lockfile {\n          nodes {\n            id\n            source\n            version\n          }\n          models {\n            slot\n            kind\n            folder\n            name\n            sha256\n            unused\n          }\n        }\n        warnings {\n          code\n          message\n        }\n        myLicenses {\n          id\n          tier\n        }\n        licenseOffers {\n          ...LicenceOffer\n        }\n      }\n    }\n    templateLineage(id: $id) {\n      ancestors {\n        parentId\n        depth\n        status\n        shareBps\n      }\n      descendants {\n        childId\n        depth\n        status\n      }\n    }\n  }\n"): typeof import('./graphql').TemplatePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TemplateRollup($versionId: UUID!, $purpose: TemplateUse!) {\n    templateVersion(id: $versionId) {\n      id\n      licenseRollup(purpose: $purpose) {\n        purpose\n        verdict\n        reasons\n        lines {\n          kind\n          name\n          slot\n          status\n          reason\n          resolved {\n            matchedBy\n            modelId\n            modelName\n            versionName\n          }\n          published {\n            matchedBy\n            title\n            fileName\n            baseModelName\n            sourceUrl\n            license {\n              name\n              url\n              conditions\n              nonCommercial\n            }\n          }\n          held {\n            id\n            tier\n          }\n          offer {\n            id\n            tier\n            priceAmount\n            priceCurrency\n          }\n        }\n        missingTotals {\n          currency\n          amount\n          licenses\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').TemplateRollupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IpConsole {\n    myIntellectualProperties {\n      id\n      name\n      kind\n      description\n    }\n    myTemplates {\n      id\n      name\n      status\n      ipId\n      terms {\n        ipShareBps\n        approval\n      }\n      ipBinding {\n        ipId\n        boundAt\n        lockedSubgraph {\n          name\n        }\n      }\n    }\n    remixQueue {\n      childId\n      parentId\n      shareBps\n      createdAt\n      child {\n        name\n        owner {\n          ...TemplateOwnerFields\n        }\n      }\n      parent {\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').IpConsoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TemplateSubgraphs($id: UUID!) {\n    template(id: $id) {\n      id\n      versions {\n        id\n        subgraphs {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').TemplateSubgraphsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RenderTemplate($versionId: UUID!, $params: [TemplateParamInput!]) {\n    renderTemplate(versionId: $versionId, params: $params) {\n      workflow\n      prompt\n    }\n  }\n"): typeof import('./graphql').RenderTemplateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyLicense($certificate: String!) {\n    verifyLicense(certificate: $certificate) {\n      valid\n      status\n      problem\n      message\n      license {\n        id\n        tier\n        status\n        resourceName\n        subjectId\n        issuedAt\n        revokedAt\n        revocationReason\n        termsText\n        fileSha256s\n        licensee {\n          handle\n          displayName\n        }\n        permissions {\n          commercialUse\n          derivativesAllowed\n          creditRequired\n          creditLine\n          seats\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').VerifyLicenseDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
