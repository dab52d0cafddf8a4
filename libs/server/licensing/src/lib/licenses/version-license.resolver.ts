import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor, AppConfig } from '@lookbook/core';
import { APP_CONFIG, CurrentActor, LoaderRegistry, Loaders, publicBaseUrl } from '@lookbook/core';
import { CatalogFacade, ModelVersion } from '@lookbook/catalog';
import { License } from '../graphql/licensing.objects';
import { toLicense } from '../graphql/licensing.mapper';
import { LicensingLoaders } from '../licensing.loaders';

/** Licence facts on versions, for tools: does the viewer hold a licence to this, and which. */
@Resolver(() => ModelVersion)
export class VersionLicenseResolver {
  constructor(
    private readonly loaders: LicensingLoaders,
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
    // Read below its model, the version knows its creator; otherwise one batched lookup (beside the licences).
    const [ownerId, { held }] = await Promise.all([
      version.modelOwnerId ?? owners.load(version.modelId),
      this.held(viewer, loaders, version.id),
    ]);
    return ownerId === viewer.userId || held.some((g) => g.status === 'ACTIVE');
  }

  @ResolveField(() => [License], { description: 'Your licences to this version (active and revoked).' })
  async myLicenses(
    @Parent() version: ModelVersion,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<License[]> {
    if (!viewer) return [];
    return (await this.held(viewer, loaders, version.id)).held.map((g) =>
      toLicense(g, 'HOLDER', publicBaseUrl(this.config)),
    );
  }

  /** The viewer's licences to the version, with its offers (one statement for the page's versions). */
  private held(viewer: Actor, loaders: LoaderRegistry, versionId: string) {
    return this.loaders.versionLicensing(loaders, viewer.userId).load(versionId);
  }
}
