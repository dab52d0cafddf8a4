import { Foundation1764000000000 } from './1764000000000-foundation';
import { Catalog1764100000000 } from './1764100000000-catalog';
import { Licensing1764200000000 } from './1764200000000-licensing';
import { LicenseGrants1764300000000 } from './1764300000000-license-grants';
import { Ledger1764400000000 } from './1764400000000-ledger';
import { Commerce1764500000000 } from './1764500000000-commerce';
import { Hardening1764600000000 } from './1764600000000-hardening';
import { Performance1764700000000 } from './1764700000000-performance';
import { BrowseFilters1764800000000 } from './1764800000000-browse-filters';
import { Search1764900000000 } from './1764900000000-search';
import { SearchCreators1765000000000 } from './1765000000000-search-creators';
import { Templates1765100000000 } from './1765100000000-templates';
import { TemplateSales1765200000000 } from './1765200000000-template-sales';
import { TemplateSearch1765300000000 } from './1765300000000-template-search';
import { SearchFacetBits1765400000000 } from './1765400000000-search-facet-bits';
import { KnownModelFiles1765500000000 } from './1765500000000-known-model-files';
import { OrderLines1765510000000 } from './1765510000000-order-lines';
import { SubgraphLocks1765520000000 } from './1765520000000-subgraph-locks';
import { WorkflowText1765530000000 } from './1765530000000-workflow-text';
import { SearchPrices1765540000000 } from './1765540000000-search-prices';
import { SubjectIds1765600000000 } from './1765600000000-subject-ids';
import { AccountMail1765700000000 } from './1765700000000-account-mail';
import { Community1765750000000 } from './1765750000000-community';
import { Notifications1765800000000 } from './1765800000000-notifications';
import { RatingCounters1765805000000 } from './1765805000000-rating-counters';
import { Reviews1765810000000 } from './1765810000000-reviews';
import { Discussions1765820000000 } from './1765820000000-discussions';
import { NotificationDelivery1765830000000 } from './1765830000000-notification-delivery';
import { Collections1765840000000 } from './1765840000000-collections';
import { SearchPopularity1765850000000 } from './1765850000000-search-popularity';
import { SavedSearches1765851000000 } from './1765851000000-saved-searches';
import { NotificationRetention1765860000000 } from './1765860000000-notification-retention';
import { VisibleCommentCounts1765870000000 } from './1765870000000-visible-comment-counts';
import { TemplateVersionDiscussions1765871000000 } from './1765871000000-template-version-discussions';

/** The one migration timeline, in order. Append new migrations; never edit one that has landed. */
export const MIGRATIONS = [
  Foundation1764000000000,
  Catalog1764100000000,
  Licensing1764200000000,
  LicenseGrants1764300000000,
  Ledger1764400000000,
  Commerce1764500000000,
  Hardening1764600000000,
  Performance1764700000000,
  BrowseFilters1764800000000,
  Search1764900000000,
  SearchCreators1765000000000,
  Templates1765100000000,
  TemplateSales1765200000000,
  TemplateSearch1765300000000,
  SearchFacetBits1765400000000,
  KnownModelFiles1765500000000,
  OrderLines1765510000000,
  SubgraphLocks1765520000000,
  WorkflowText1765530000000,
  SearchPrices1765540000000,
  SubjectIds1765600000000,
  AccountMail1765700000000,
  Community1765750000000,
  Notifications1765800000000,
  RatingCounters1765805000000,
  Reviews1765810000000,
  Discussions1765820000000,
  NotificationDelivery1765830000000,
  Collections1765840000000,
  SearchPopularity1765850000000,
  SavedSearches1765851000000,
  NotificationRetention1765860000000,
  VisibleCommentCounts1765870000000,
  TemplateVersionDiscussions1765871000000,
];
