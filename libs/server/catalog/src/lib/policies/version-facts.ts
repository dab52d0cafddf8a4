import type { ModelStatus } from '../models/model-status';

/** A version as the domains above the catalog see it. */
export interface VersionSummary {
  versionId: string;
  versionName: string;
  versionStatus: 'DRAFT' | 'PUBLISHED';
  modelId: string;
  modelName: string;
  modelStatus: ModelStatus;
  ownerId: string;
  baseModelId: string;
  baseModelNonCommercial: boolean;
}

/** What the licensing and commerce domains need to know about a version, read under its row lock. */
export interface VersionFacts extends VersionSummary {
  /** SHA-256 of every READY file of the version (what a licence to it covers). */
  fileSha256s: string[];
  /**
   * Declared parents (merges, fine-tunes, …) with the owner of each parent's model: what the licence compatibility
   * rules check a version's offers against. Not its lineage — royalty lineage is the templates domain's edges.
   */
  declaredParents: { versionId: string; relation: string; ownerId: string }[];
}

/** `urn:lookbook:model:<modelId>:version:<versionId>` — the resource a licence names. */
export const versionUrn = (modelId: string, versionId: string): string =>
  `urn:lookbook:model:${modelId}:version:${versionId}`;
