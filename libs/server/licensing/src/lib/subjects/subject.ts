/** What a licence can be for: a catalog style model version, or a workflow template version. */
export const SUBJECT_KINDS = ['MODEL', 'TEMPLATE'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** A subject and one of its versions, as a licence or an order line names them. */
export interface SubjectRef {
  kind: SubjectKind;
  /** The style model, or the workflow template. */
  subjectId: string;
}

/**
 * A parent a version declares it is built on (a merge, a fine-tune, an adapter): the licence compatibility rules ask
 * for a licence to it when someone else owns it. Not the royalty lineage — that is the templates domain's edges.
 */
export interface DeclaredParent {
  versionId: string;
  relation: string;
  /** Who owns the parent's subject. */
  ownerId: string;
}

/**
 * One version of something sellable, as licensing sees every kind: what it is called, whether it is on sale, whose it
 * is. The catalog (models) and the templates domain (templates) adapt their own rows to it (`SubjectSource`), so
 * licensing and commerce never read a template as if it were a model.
 */
export interface SubjectSummary extends SubjectRef {
  versionId: string;
  /** The model's or template's name. */
  name: string;
  /** The version's name (a model version) or label (a template version). */
  versionLabel: string;
  /** The subject's own status (`PUBLISHED`, `UNPUBLISHED`, `TAKEN_DOWN`, …). */
  status: string;
  versionStatus: 'DRAFT' | 'PUBLISHED';
  /** Who sells it. */
  ownerId: string;
}

/** A subject read under its version's row lock: everything a licence to it is issued on. */
export interface Subject extends SubjectSummary {
  /** SHA-256 of the bytes a licence covers: the version's READY model files, or the template's workflow file. */
  contentSha256s: string[];
  /** Declared parents (models only; templates have none — their remix lineage is royalty edges, not parents). */
  parents: DeclaredParent[];
  /** The base model a model version runs on, and whether its licence forbids commercial use (templates: none). */
  baseModel: { id: string; nonCommercial: boolean } | null;
}

/** Sold only while both the subject and the version are published. */
export const isListed = (subject: Pick<SubjectSummary, 'status' | 'versionStatus'>): boolean =>
  subject.status === 'PUBLISHED' && subject.versionStatus === 'PUBLISHED';
