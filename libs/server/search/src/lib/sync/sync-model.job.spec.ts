import { JOB_HANDLER } from '@lookbook/core';
import { newTestService } from '@lookbook/testing';
import { SearchTasks } from '../search.tasks';
import { SearchSyncService } from './search-sync.service';
import { SyncModelJob } from './sync-model.job';

const modelId = '00000000-0000-4000-8000-000000000001';

describe('SyncModelJob', () => {
  it('handles search.sync-model, keyed per model as the database triggers key it', () => {
    expect(Reflect.getMetadata(JOB_HANDLER, SyncModelJob)).toBe(SearchTasks.syncModel);
    expect(SearchTasks.syncModel.name).toBe('search.sync-model');
    // migrations/…-search.ts: job_key => 'search-model:' || model; hiddenIds reads the id back from the key.
    expect(SearchTasks.syncModel.key?.({ modelId })).toBe(`search-model:${modelId}`);
    expect(() => SearchTasks.syncModel.payload.parse({ modelId: 'not-a-uuid' })).toThrow();
  });

  it('re-reads the one model and writes its document', async () => {
    const { sut, mock } = newTestService(SyncModelJob);
    mock(SearchSyncService).syncModels.mockResolvedValue(undefined);
    await sut.handle({ modelId });
    expect(mock(SearchSyncService).syncModels).toHaveBeenCalledWith([modelId]);
  });

  it('fails while the engine is down, so the queue retries it', async () => {
    const { sut, mock } = newTestService(SyncModelJob);
    mock(SearchSyncService).syncModels.mockRejectedValue(new Error('engine down'));
    await expect(sut.handle({ modelId })).rejects.toThrow('engine down');
  });
});
