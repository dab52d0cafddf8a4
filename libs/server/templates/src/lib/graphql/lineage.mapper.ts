import type { IntellectualPropertyEntity } from '../ips/ip.entity';
import type { IpBindingRow } from '../ips/ip.repository';
import type { UnbindOutcome } from '../ips/ip.service';
import type { LineageEdge } from '../lineage/lineage-edge';
import type { LineageView } from '../lineage/lineage.service';
import { toSubgraph, toTemplate } from './template.mapper';
import {
  IntellectualPropertyObject,
  LineageEdgeObject,
  TemplateIpBinding,
  TemplateLineage,
  UnbindTemplateResult,
} from './template.objects';

/** IPs, their bindings and the lineage graph as GraphQL objects (pure functions of plain data). */

export const toIntellectualProperty = (ip: IntellectualPropertyEntity): IntellectualPropertyObject =>
  Object.assign(new IntellectualPropertyObject(), {
    id: ip.id,
    ownerId: ip.ownerId,
    name: ip.name,
    kind: ip.kind,
    description: ip.description,
    createdAt: ip.createdAt,
  });

export const toIpBinding = (b: IpBindingRow): TemplateIpBinding =>
  Object.assign(new TemplateIpBinding(), {
    ipId: b.ipId,
    boundAt: b.boundAt,
    lockedSubgraph: b.lockedSubgraph && toSubgraph(b.lockedSubgraph),
  });

export const toUnbindResult = (outcome: UnbindOutcome): UnbindTemplateResult =>
  Object.assign(new UnbindTemplateResult(), {
    template: toTemplate(outcome.template),
    releasedRemixes: outcome.releasedRemixes,
    approvedRemixes: outcome.approvedRemixes,
  });

export const toLineageEdge = (e: LineageEdge & { depth?: number }): LineageEdgeObject =>
  Object.assign(new LineageEdgeObject(), {
    childId: e.childId,
    parentId: e.parentId,
    relation: e.relation,
    shareBps: e.shareBps,
    status: e.status,
    depth: e.depth,
    createdAt: e.createdAt,
  });

export const toLineage = (view: LineageView): TemplateLineage =>
  Object.assign(new TemplateLineage(), {
    ancestors: view.ancestors.map(toLineageEdge),
    descendants: view.descendants.map(toLineageEdge),
  });
