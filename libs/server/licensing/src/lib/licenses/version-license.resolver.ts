import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor, AppConfig } from '@lookbook/core';
import { APP_CONFIG, CurrentActor, LoaderRegistry, Loaders, publicBaseUrl } from '@lookbook/core';
import { CatalogFacade, ModelVersion } from '@lookbook/catalog';
import { License } from '../graphql/licensing.objects';
import { toLicense } from '../graphql/licensing.mapper';
import type { LicenseEntity } from './license.entity';
import { LicenseService } from './license.service';

/** Licence facts on versions, for tools: does the viewer hold a licence to this, and which. */
@Resolver(() => ModelVersion)
export class VersionLicenseResolver {
  constructor(
    private readonly licenses: LicenseService,
    private readonly catalog: CatalogFacade,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ResolveField(() => Boolean, {
    description: 'You hold an active licence to this version (or created it). False when signed out.',
  })
  async ownedByMe(
    @Parent() version: ModelVersion,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> {
    if (!viewer) return false;
    const owners = loaders.get<string, string | null>('licensing.modelOwner', async (ids) => {
      const found = await this.catalog.modelOwners(ids);
      return ids.map((id) => found.get(id) ?? null);
    });
    if ((await owners.load(version.modelId)) === viewer.userId) return true;
    return (await this.held(viewer, loaders).load(version.id)).some((g) => g.status === 'ACTIVE');
  }

  @ResolveField(() => [License], { description: 'Your licences to this version (active and revoked).' })
  async myLicenses(
    @Parent() version: ModelVersion,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<License[]> {
    if (!viewer) return [];
    return (await this.held(viewer, loaders).load(version.id)).map((g) =>
      toLicense(g, 'HOLDER', publicBaseUrl(this.config)),
    );
  }

  private held(viewer: Actor, loaders: LoaderRegistry) {
    return loaders.get<string, LicenseEntity[]>('licensing.heldByViewer', async (ids) => {
      const grants = await this.licenses.heldBy(viewer, ids);
      return ids.map((id) => grants.filter((g) => g.versionId === id));
    });
  }
}
