export const LINEAGE_RELATIONS = ['REMIX', 'MERGE', 'FINETUNE', 'ADAPTER'] as const;
export type LineageRelation = (typeof LINEAGE_RELATIONS)[number];

export const LINEAGE_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type LineageStatus = (typeof LINEAGE_STATUSES)[number];

/**
 * A row of `templates.lineage_edge`: a remix relation between two resources (template → template, or a derived model
 * → its parent model), with the share the child passes up and the IP owner's decision. Only APPROVED edges carry
 * royalties, the IP and takedowns.
 */
export interface LineageEdge {
  childId: string;
  parentId: string;
  relation: LineageRelation;
  shareBps: number;
  status: LineageStatus;
  createdAt: Date;
}
