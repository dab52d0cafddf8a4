import { JOB_HANDLER } from '@lookbook/core';
import { newTestService } from '@lookbook/testing';
import { SearchTasks } from '../search.tasks';
import { RefreshTrendingJob } from './refresh-trending.job';
import { SearchSyncService } from './search-sync.service';

describe('RefreshTrendingJob', () => {
  it('runs on the trending schedule, every 15 minutes', () => {
    expect(Reflect.getMetadata(JOB_HANDLER, RefreshTrendingJob)).toBe(SearchTasks.refreshTrending);
    expect(SearchTasks.refreshTrending).toMatchObject({
      name: 'search.refresh-trending',
      schedule: '*/15 * * * *',
    });
  });

  it('re-syncs the recently licensed documents', async () => {
    const { sut, mock } = newTestService(RefreshTrendingJob);
    mock(SearchSyncService).refreshTrending.mockResolvedValue(12);
    await sut.handle();
    expect(mock(SearchSyncService).refreshTrending).toHaveBeenCalledTimes(1);
  });

  it('fails when a sync fails, so the queue retries it', async () => {
    const { sut, mock } = newTestService(RefreshTrendingJob);
    mock(SearchSyncService).refreshTrending.mockRejectedValue(new Error('engine down'));
    await expect(sut.handle()).rejects.toThrow('engine down');
  });
});
