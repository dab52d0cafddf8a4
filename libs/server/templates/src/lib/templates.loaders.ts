import { Injectable } from '@nestjs/common';
import type { StyleModel } from '@lookbook/catalog';
import { CatalogFacade } from '@lookbook/catalog';
import type { Actor, LoaderRegistry } from '@lookbook/core';
import { byKeys } from '@lookbook/core';
import type { UserSummary } from '@lookbook/identity';
import type { LicenseSummary, OfferEntity } from '@lookbook/licensing';
import { LicensingFacade } from '@lookbook/licensing';
import { IdentityFacade } from '@lookbook/identity';
import type { IpBindingRow } from './ips/ip.repository';
import { IpRepository } from './ips/ip.repository';
import type { TemplateEntity, TemplateImageEntity, TemplateVersionEntity } from './templates/template.entity';
import { TemplateRepository } from './templates/template.repository';

const group = <T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] => {
  const map = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((k) => map.get(k) ?? []);
};

/**
 * The batch functions behind the templates' field resolvers: one query per field per request, whatever the list size
 * (loaders live per request, so per viewer). They return plain data; resolvers map it to GraphQL objects.
 */
@Injectable()
export class TemplatesLoaders {
  constructor(
    private readonly templates: TemplateRepository,
    private readonly ips: IpRepository,
    private readonly identity: IdentityFacade,
    private readonly catalog: CatalogFacade,
    private readonly licensing: LicensingFacade,
  ) {}

  /** Each template's owner (search results, cards). */
  owners(loaders: LoaderRegistry) {
    return loaders.get<string, UserSummary | null>('templates.owner', async (ids) =>
      byKeys(ids, await this.identity.usersByIds(ids), (u) => u.id),
    );
  }

  /** Each template's cover: the first image of its newest published version. */
  covers(loaders: LoaderRegistry) {
    return loaders.get<string, TemplateImageEntity | null>('templates.cover', async (ids) => {
      const covers = await this.templates.coversOf(ids);
      return ids.map((id) => covers.get(id) ?? null);
    });
  }

  /** Each version's sample images, oldest first. */
  versionImages(loaders: LoaderRegistry) {
    return loaders.get<string, TemplateImageEntity[]>('templates.versionImages', async (ids) =>
      group(ids, await this.templates.imagesOf(ids), (i) => i.versionId),
    );
  }

  /** The stored versions themselves, for fields read from the workflow (its subgraphs, suggested slots). */
  versions(loaders: LoaderRegistry) {
    return loaders.get<string, TemplateVersionEntity | null>('templates.version', async (ids) =>
      byKeys(ids, await this.templates.versionsByIds(ids), (v) => v.id),
    );
  }

  /** Templates the viewer may see (published, their own, or in an IP they own); null for the others. */
  visibleTemplates(loaders: LoaderRegistry, viewer: Actor | undefined) {
    return loaders.get<string, TemplateEntity | null>('templates.visible', async (ids) =>
      byKeys(ids, await this.templates.visibleTo(ids, viewer?.userId ?? null), (t) => t.id),
    );
  }

  /** Published style models (the parents of derived models). */
  publishedModels(loaders: LoaderRegistry) {
    return loaders.get<string, StyleModel | null>('templates.parentModel', async (ids) =>
      byKeys(ids, await this.catalog.publishedModels(ids), (m) => m.id),
    );
  }

  /** Each template's own binding to an IP (none for a remix, which belongs to the IP through its parent). */
  ipBindings(loaders: LoaderRegistry) {
    return loaders.get<string, IpBindingRow | null>('templates.ipBinding', async (ids) =>
      byKeys(ids, await this.ips.bindingsOf(ids), (b) => b.templateId),
    );
  }

  /** The live licence offers of each template version. */
  offers(loaders: LoaderRegistry) {
    return loaders.get<string, OfferEntity[]>('templates.offers', async (ids) =>
      group(ids, await this.licensing.liveOffers(ids), (o) => o.versionId),
    );
  }

  /** The viewer's active licences of each template version (none for an anonymous viewer). */
  heldLicences(loaders: LoaderRegistry, viewer: Actor) {
    return loaders.get<string, LicenseSummary[]>('templates.myLicenses', async (ids) =>
      group(ids, await this.licensing.activeHeldBy(viewer, ids), (g) => g.versionId),
    );
  }
}
