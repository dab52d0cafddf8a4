import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public, Roles } from '@lookbook/core';
import { BaseModel } from '../graphql/catalog-models.objects';
import { BaseModelInput } from '../graphql/catalog.inputs';
import { toBaseModel } from '../graphql/catalog.mapper';
import { BaseModelService } from './base-model.service';

@Resolver(() => BaseModel)
export class BaseModelResolver {
  constructor(private readonly service: BaseModelService) {}

  @Public()
  @Query(() => [BaseModel], { description: 'Base models a style model can target (SD 1.5, SDXL, Flux, …).' })
  async baseModels(): Promise<BaseModel[]> {
    return (await this.service.list()).map(toBaseModel);
  }

  @Roles('admin')
  @Mutation(() => BaseModel, { description: 'Admins: add or edit a base model.' })
  async upsertBaseModel(@Args('input') input: BaseModelInput): Promise<BaseModel> {
    return toBaseModel(await this.service.upsert(input));
  }
}
