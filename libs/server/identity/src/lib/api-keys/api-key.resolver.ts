import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor, Page } from '@lookbook/core';
import { ConnectionArgs, CurrentActor, SessionOnly, UUIDScalar } from '@lookbook/core';
import { ApiKeyService } from './api-key.service';
import { CreateApiKeyInput } from '../graphql/identity.inputs';
import { toApiKey } from '../graphql/identity.mapper';
import { ApiKey, ApiKeyConnection, CreatedApiKey } from '../graphql/identity.objects';

/** Keys are managed from a signed-in session only: a leaked key cannot mint or revoke keys. */
@Resolver()
@SessionOnly()
export class ApiKeyResolver {
  constructor(private readonly keys: ApiKeyService) {}

  @Mutation(() => CreatedApiKey, { description: 'Create an API key for tools. The secret is returned only here.' })
  async createApiKey(@CurrentActor() actor: Actor, @Args('input') input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const { key, secret } = await this.keys.create(actor, input);
    return Object.assign(new CreatedApiKey(), { apiKey: toApiKey(key), secret });
  }

  @Mutation(() => ApiKey, { description: 'Revoke an API key; it stops working immediately.' })
  async revokeApiKey(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<ApiKey> {
    return toApiKey(await this.keys.revoke(actor, id));
  }

  @Query(() => ApiKeyConnection, { description: 'Your API keys, newest first (including revoked ones).' })
  myApiKeys(@CurrentActor() actor: Actor, @Args() args: ConnectionArgs): Promise<Page<ApiKey>> {
    return this.keys.list(actor, args, toApiKey);
  }
}
