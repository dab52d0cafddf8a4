import { Injectable } from '@nestjs/common';
import { CatalogFacade } from '@lookbook/catalog';
import type { StyleModel } from '@lookbook/catalog';
import type { LoaderRegistry } from '@lookbook/core';
import { byKeys } from '@lookbook/core';
import { IdentityFacade } from '@lookbook/identity';
import type { UserSummary } from '@lookbook/identity';
import { TemplatesFacade } from '@lookbook/templates';
import type { WorkflowTemplate } from '@lookbook/templates';
import type { CollectionMemberRow } from './collection';
import { CollectionRepository } from './collection.repository';

/**
 * The batch functions behind a collection's fields: owners, editors, whether you follow, and the cards of its items
 * (the catalog's and templates' published-card facades, one statement per kind) — a fixed number of statements
 * whatever the number of collections or items.
 */
@Injectable()
export class CollectionLoaders {
  constructor(
    private readonly collections: CollectionRepository,
    private readonly identity: IdentityFacade,
    private readonly catalog: CatalogFacade,
    private readonly templates: TemplatesFacade,
  ) {}

  people(loaders: LoaderRegistry) {
    return loaders.get<string, UserSummary | null>('community.collectionPeople', async (ids) =>
      byKeys(ids, await this.identity.usersByIds(ids), (u) => u.id),
    );
  }

  members(loaders: LoaderRegistry) {
    return loaders.get<string, CollectionMemberRow[]>('community.collectionMembers', async (ids) => {
      const rows = await this.collections.members(ids);
      return ids.map((id) => rows.filter((r) => r.collectionId === id));
    });
  }

  followed(loaders: LoaderRegistry, viewerId: string) {
    return loaders.get<string, boolean>(`community.collectionFollowed:${viewerId}`, async (ids) => {
      const followed = await this.collections.followedAmong(viewerId, ids);
      return ids.map((id) => followed.has(id));
    });
  }

  models(loaders: LoaderRegistry) {
    return loaders.get<string, StyleModel | null>('community.collectionModels', async (ids) =>
      byKeys(ids, await this.catalog.publishedModels(ids), (m) => m.id),
    );
  }

  templateCards(loaders: LoaderRegistry) {
    return loaders.get<string, WorkflowTemplate | null>('community.collectionTemplates', async (ids) =>
      byKeys(ids, await this.templates.publishedTemplates(ids), (t) => t.id),
    );
  }
}
