import { Injectable } from '@nestjs/common';
import type { LoaderRegistry } from '@lookbook/core';
import { byKeys } from '@lookbook/core';
import { IdentityFacade } from '@lookbook/identity';
import { BaseModelRepository } from './base-models/base-model.repository';
import { ModelFileRepository } from './files/model-file.repository';
import type { VersionBundle, VersionParts } from './versions/model-version.repository';
import { ModelVersionRepository } from './versions/model-version.repository';
import type { ModelFileEntity } from './files/model-file.entity';
import type { VersionParentEntity } from './versions/model-version.entity';
import type { SampleImageEntity } from './samples/sample-image.entity';
import type { BaseModelEntity } from './base-models/base-model.entity';
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
    private readonly baseModelRows: BaseModelRepository,
    private readonly versions: ModelVersionRepository,
    private readonly files: ModelFileRepository,
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
      return byKeys(ids, await this.baseModelRows.all(), (b) => b.id);
    });
  }

  /** Versions of each model with the children the selection needs, all in one statement (a loader per shape). */
  versionBundles(loaders: LoaderRegistry, parts: VersionParts) {
    const shape = `${+parts.files}${+parts.samples}${+parts.parents}`;
    return loaders.get<string, VersionBundle[]>(`catalog.versionBundles:${shape}`, async (ids) =>
      group(ids, await this.versions.bundlesOfModels(ids, parts), (b) => b.version.modelId),
    );
  }

  filesByVersion(loaders: LoaderRegistry) {
    return loaders.get<string, ModelFileEntity[]>('catalog.filesByVersion', async (ids) =>
      group(ids, await this.files.ofVersions(ids), (f) => f.versionId),
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
      group(ids, await this.versions.parentsOf(ids), (p) => p.versionId),
    );
  }
}
