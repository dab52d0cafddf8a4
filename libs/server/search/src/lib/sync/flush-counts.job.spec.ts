import { JOB_HANDLER } from '@lookbook/core';
import { newTestService } from '@lookbook/testing';
import { SearchTasks } from '../search.tasks';
import { FlushCountsJob } from './flush-counts.job';
import { SearchSyncService } from './search-sync.service';

describe('FlushCountsJob', () => {
  it('runs every minute (counts reach search within about a minute, batched)', () => {
    expect(Reflect.getMetadata(JOB_HANDLER, FlushCountsJob)).toBe(SearchTasks.flushCounts);
    expect(SearchTasks.flushCounts).toMatchObject({ name: 'search.flush-counts', schedule: '* * * * *' });
  });

  it('flushes the stale counts once per run', async () => {
    const { sut, mock } = newTestService(FlushCountsJob);
    mock(SearchSyncService).flushCounts.mockResolvedValue(3);
    await sut.handle();
    expect(mock(SearchSyncService).flushCounts).toHaveBeenCalledTimes(1);
  });

  it('fails when a sync fails, so the queue retries it', async () => {
    const { sut, mock } = newTestService(FlushCountsJob);
    mock(SearchSyncService).flushCounts.mockRejectedValue(new Error('engine down'));
    await expect(sut.handle()).rejects.toThrow('engine down');
  });
});
