import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public, Roles, UUIDScalar } from '@lookbook/core';
import { KnownModelFile } from '../graphql/catalog-known-files.objects';
import { KnownModelFileInput } from '../graphql/catalog.inputs';
import { toKnownModelFile } from '../graphql/catalog.mapper';
import { KnownModelFileService } from './known-model-file.service';

@Resolver(() => KnownModelFile)
export class KnownModelFileResolver {
  constructor(private readonly service: KnownModelFileService) {}

  @Public()
  @Query(() => [KnownModelFile], {
    description: 'Well-known model files the licence checker recognises, and the licence each is published under.',
  })
  async knownModelFiles(): Promise<KnownModelFile[]> {
    return (await this.service.list()).map(toKnownModelFile);
  }

  @Roles('admin')
  @Mutation(() => KnownModelFile, { description: 'Admins: add or correct a well-known model file.' })
  async upsertKnownModelFile(@Args('input') input: KnownModelFileInput): Promise<KnownModelFile> {
    return toKnownModelFile(await this.service.upsert(input));
  }

  @Roles('admin')
  @Mutation(() => Boolean, { description: 'Admins: forget a well-known model file.' })
  async deleteKnownModelFile(@Args('id', { type: () => UUIDScalar }) id: string): Promise<boolean> {
    await this.service.remove(id);
    return true;
  }
}
