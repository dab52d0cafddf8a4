import type { QueryClient } from '@tanstack/react-query';
import { baseModelsQuery } from '../../../api/base-models';
import { modelParentsQuery } from '../../../api/model-parents';
import { ensureMe } from '../../../api/session';
import {
  myModelsQuery,
  myTemplatesQuery,
  studioModelQuery,
  studioVersionModelQuery,
  studioVersionQuery,
} from './queries';

/** The studio: the first page of your models, and your templates. */
export async function loadStudio(client: QueryClient): Promise<void> {
  const me = await ensureMe(client);
  await Promise.all([
    me ? client.ensureInfiniteQueryData(myModelsQuery(me.id)) : undefined,
    client.ensureQueryData(myTemplatesQuery()),
  ]);
}

/** A new model: the base models to choose from. */
export async function loadNewModel(client: QueryClient): Promise<void> {
  await client.ensureQueryData(baseModelsQuery());
}

/** A model's editor: the model, the base models its form offers, and the parents it declares. */
export async function loadModelEditor(client: QueryClient, id: string): Promise<void> {
  await Promise.all([
    client.ensureQueryData(studioModelQuery(id)),
    client.ensureQueryData(baseModelsQuery()),
    client.ensureQueryData(modelParentsQuery(id)),
  ]);
}

/** A version's editor: the version, then the model it belongs to. */
export async function loadVersionEditor(client: QueryClient, id: string): Promise<void> {
  const { modelVersion } = await client.ensureQueryData(studioVersionQuery(id));
  await client.ensureQueryData(studioVersionModelQuery(modelVersion.modelId));
}
