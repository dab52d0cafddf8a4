import { Injectable } from '@nestjs/common';
import { CatalogFacade } from '@lookbook/catalog';
import type { Actor, LoaderRegistry } from '@lookbook/core';
import type { Money } from '@lookbook/kernel';
import type { SubjectRef } from '@lookbook/licensing';
import type { SplitPlan } from './lineage/royalty-cascade';
import type { SubjectObject } from './graphql/subject.objects';
import { toTemplate } from './graphql/template.mapper';
import type { WorkflowTemplate } from './graphql/template.objects';
import { RoyaltyLineage } from './sales/royalty-lineage.service';
import { TemplateRepository } from './templates/template.repository';

/** What other domains (discovery, commerce) may ask of templates. */
@Injectable()
export class TemplatesFacade {
  constructor(
    private readonly templates: TemplateRepository,
    private readonly royalties: RoyaltyLineage,
    private readonly catalog: CatalogFacade,
  ) {}

  /** The published ones of these templates, in the order asked (one statement: a search page's template hits). */
  async publishedTemplates(ids: readonly string[]): Promise<WorkflowTemplate[]> {
    const byId = new Map((await this.templates.published(ids)).map((t) => [t.id, t]));
    return ids.flatMap((id) => {
      const template = byId.get(id);
      return template ? [toTemplate(template)] : [];
    });
  }

  /**
   * The split plan of a sale of `subjectId` (a model or a template) at `price`: the platform fee, then the royalty
   * cascade over its lineage as it stands now (the IP owner, every ancestor's author by their declared shares, the
   * seller). Without a lineage the seller takes the rest. Commerce records it on the order line.
   */
  splitPlan(subjectId: string, sellerId: string, price: Money, platformFeeBps: number): Promise<SplitPlan> {
    return this.royalties.planFor(subjectId, sellerId, price, platformFeeBps);
  }

  /**
   * What a licence, an order line or a sale is for, as the viewer may see it (null when they may not: a subject
   * unpublished or taken down since). Batched per request: one statement per kind, whatever the list size.
   */
  subject(loaders: LoaderRegistry, viewer: Actor | undefined, ref: SubjectRef): Promise<SubjectObject | null> {
    const loader = loaders.get<string, SubjectObject | null>('templates.subjects', async (keys) => {
      const ids = (kind: string) => keys.flatMap((k) => (k.startsWith(`${kind}:`) ? [k.slice(kind.length + 1)] : []));
      const [modelIds, templateIds] = [ids('MODEL'), ids('TEMPLATE')];
      const [models, templates] = await Promise.all([
        modelIds.length ? this.catalog.visibleModels(viewer, modelIds) : [],
        templateIds.length ? this.templates.visibleTo(templateIds, viewer?.userId ?? null) : [],
      ]);
      const found = new Map<string, SubjectObject>([
        ...models.map((m): [string, SubjectObject] => [`MODEL:${m.id}`, m]),
        ...templates.map((t): [string, SubjectObject] => [`TEMPLATE:${t.id}`, toTemplate(t)]),
      ]);
      return keys.map((k) => found.get(k) ?? null);
    });
    return loader.load(`${ref.kind}:${ref.subjectId}`);
  }
}
