import { JOB_HANDLER } from '@lookbook/core';
import { newTestService } from '@lookbook/testing';
import { SearchTasks } from '../search.tasks';
import { ReconcileSearchJob } from './reconcile-search.job';
import { SearchSyncService } from './search-sync.service';

describe('ReconcileSearchJob', () => {
  it('runs hourly', () => {
    expect(Reflect.getMetadata(JOB_HANDLER, ReconcileSearchJob)).toBe(SearchTasks.reconcile);
    expect(SearchTasks.reconcile).toMatchObject({ name: 'search.reconcile', schedule: '17 * * * *' });
  });

  it('compares the index with the database and fixes the drift', async () => {
    const { sut, mock } = newTestService(ReconcileSearchJob);
    mock(SearchSyncService).reconcile.mockResolvedValue({ checked: 10, upserted: 1, deleted: 2 });
    await sut.handle();
    expect(mock(SearchSyncService).reconcile).toHaveBeenCalledTimes(1);
  });

  it('fails when the engine is down, so the queue retries it', async () => {
    const { sut, mock } = newTestService(ReconcileSearchJob);
    mock(SearchSyncService).reconcile.mockRejectedValue(new Error('engine down'));
    await expect(sut.handle()).rejects.toThrow('engine down');
  });
});
