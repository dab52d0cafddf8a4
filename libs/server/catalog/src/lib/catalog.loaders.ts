import { Injectable } from '@nestjs/common';
import type { LoaderRegistry } from '@lookbook/core';
import { byKeys } from '@lookbook/core';
import { IdentityFacade } from '@lookbook/identity';
import { CatalogRepository } from './catalog.repository';
import type { ModelFileEntity } from './entities/model-file.entity';
import type { ModelVersionEntity, VersionParentEntity } from './entities/model-version.entity';
import type { SampleImageEntity } from './entities/sample-image.entity';
import type { BaseModelEntity } from './entities/base-model.entity';
import { SampleImageRepository } from './samples/sample-image.repository';
import type { UserSummary } from '@lookbook/identity';

const group = <T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] => {
  const map = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((k) => map.get(k) ?? []);
};

/** The batch functions behind the catalog's field resolvers: one query per field per request, whatever the list size. */
@Injectable()
export class CatalogLoaders {
  constructor(
    private readonly repo: CatalogRepository,
    private readonly samples: SampleImageRepository,
    private readonly identity: IdentityFacade,
  ) {}

  owners(loaders: LoaderRegistry) {
    return loaders.get<string, UserSummary | null>('catalog.owner', async (ids) => {
      return byKeys(ids, await this.identity.usersByIds(ids), (u) => u.id);
    });
  }

  baseModels(loaders: LoaderRegistry) {
    return loaders.get<string, BaseModelEntity | null>('catalog.baseModel', async (ids) => {
      return byKeys(ids, await this.repo.baseModels(), (b) => b.id);
    });
  }

  versionsByModel(loaders: LoaderRegistry) {
    return loaders.get<string, ModelVersionEntity[]>('catalog.versionsByModel', async (ids) =>
      group(ids, await this.repo.versionsOfModels(ids, false), (v) => v.modelId),
    );
  }

  filesByVersion(loaders: LoaderRegistry) {
    return loaders.get<string, ModelFileEntity[]>('catalog.filesByVersion', async (ids) =>
      group(ids, await this.repo.filesOfVersions(ids), (f) => f.versionId),
    );
  }

  samplesByVersion(loaders: LoaderRegistry) {
    return loaders.get<string, SampleImageEntity[]>('catalog.samplesByVersion', async (ids) =>
      group(ids, await this.samples.forVersions(ids), (s) => s.versionId),
    );
  }

  linkedVersions(loaders: LoaderRegistry) {
    return loaders.get<string, string[]>('catalog.linkedVersions', async (ids) =>
      group(ids, await this.samples.linkedVersions(ids), (l) => l.imageId).map((rows) => rows.map((r) => r.versionId)),
    );
  }

  parents(loaders: LoaderRegistry) {
    return loaders.get<string, VersionParentEntity[]>('catalog.parents', async (ids) =>
      group(ids, await this.repo.parentsOf(ids), (p) => p.versionId),
    );
  }
}
