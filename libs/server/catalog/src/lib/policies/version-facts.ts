import type { ModelStatus } from '../models/model-status';

/** What the licensing and commerce domains need to know about a version, read under its row lock. */
export interface VersionFacts {
  versionId: string;
  versionName: string;
  versionStatus: 'DRAFT' | 'PUBLISHED';
  modelId: string;
  modelName: string;
  modelStatus: ModelStatus;
  ownerId: string;
  baseModelId: string;
  baseModelNonCommercial: boolean;
  /** SHA-256 of every READY file of the version (what a licence to it covers). */
  fileSha256s: string[];
  /** Declared parents (merges, fine-tunes, …) with the owner of each parent's model. */
  parents: { versionId: string; relation: string; ownerId: string }[];
}

/** `urn:lookbook:model:<modelId>:version:<versionId>` — the resource a licence names. */
export const versionUrn = (modelId: string, versionId: string): string =>
  `urn:lookbook:model:${modelId}:version:${versionId}`;
