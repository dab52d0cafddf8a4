import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Dependencies, ParameterSlot, WorkflowWarning } from '@lookbook/comfyui';
import type { MaturityLevel } from '@lookbook/kernel';
import type { RemixTerms } from '../lineage/remix-terms';

export const TEMPLATE_STATUSES = ['DRAFT', 'PUBLISHED', 'UNPUBLISHED', 'TAKEN_DOWN'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

@Entity({ schema: 'templates', name: 'template' })
export class TemplateEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'owner_id' }) ownerId!: string;
  @Column('text') slug!: string;
  @Column('text') name!: string;
  @Column('text') description!: string;
  @Column('text', { array: true }) tags!: string[];
  @Column('text') maturity!: MaturityLevel;
  @Column('text') status!: TemplateStatus;
  /** The remix terms this template passes on; null: not bound to any IP (remixed freely). */
  @Column('jsonb', { nullable: true }) terms!: RemixTerms | null;
  @Column('uuid', { name: 'ip_id', nullable: true }) ipId!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** A template's lockfile: what it needs to run (resolution to catalog versions and licences comes with licensing). */
export interface Lockfile {
  nodes: Dependencies['nodes'];
  models: Dependencies['models'];
}

const NUMERIC_SLOTS = new Set(['INTEGER', 'SEED', 'NUMBER']);

/**
 * Slots as jsonb: a bigint (a seed beyond 2^53) is stored as its digits in a string — the database keeps them, and
 * JSON.parse, which reads the column, would round a number. Numeric slots never hold strings otherwise.
 */
export function slotsJson(slots: readonly ParameterSlot[]): string {
  return JSON.stringify(slots, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

const slotsFromColumn = (stored: ParameterSlot[]): ParameterSlot[] =>
  stored.map((slot) =>
    NUMERIC_SLOTS.has(slot.type) && typeof slot.default === 'string' && /^-?\d+$/.test(slot.default)
      ? { ...slot, default: BigInt(slot.default) }
      : slot,
  );

@Entity({ schema: 'templates', name: 'template_version' })
export class TemplateVersionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'template_id' }) templateId!: string;
  @Column('text') label!: string;
  @Column('text') status!: 'DRAFT' | 'PUBLISHED';
  /** The UI workflow's text, exactly as imported (every key and digit; see libs/shared/comfyui json.ts). */
  @Column('text', { name: 'ui_workflow', nullable: true }) uiWorkflow!: string | null;
  /** The API prompt's text, exactly as imported. */
  @Column('text', { name: 'api_prompt', nullable: true }) apiPrompt!: string | null;
  @Column('jsonb', { transformer: { to: (slots: ParameterSlot[]) => slots, from: slotsFromColumn } })
  slots!: ParameterSlot[];
  @Column('jsonb') lockfile!: Lockfile;
  @Column('jsonb') warnings!: WorkflowWarning[];
  @Column('text', { name: 'source_sha256' }) sourceSha256!: string;
  /** The content hash of each subgraph definition in the UI graph (what a lock names); null: not hashed yet. */
  @Column('text', { name: 'subgraph_sha256s', array: true, nullable: true }) subgraphSha256s!: string[] | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
}

/** A sample image of a template version (public media in the `templates` namespace). */
@Entity({ schema: 'templates', name: 'version_image' })
export class TemplateImageEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'version_id' }) versionId!: string;
  @Column('text', { name: 'content_type' }) contentType!: string;
  @Column('int') width!: number;
  @Column('int') height!: number;
  @Column('bigint', { name: 'byte_size', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  byteSize!: number;
  @Column('text', { name: 'storage_key' }) storageKey!: string;
  @Column('jsonb') thumbnails!: { width: number; height: number; key: string }[];
  @Column('text', { nullable: true }) placeholder!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
