import { JOB_HANDLER } from '@lookbook/core';
import { newTestService } from '@lookbook/testing';
import { SearchTasks } from '../search.tasks';
import { MatchSavedSearchesJob } from './match-saved-searches.job';
import { SavedSearchAlertService } from './saved-search-alerts.service';

describe('MatchSavedSearchesJob', () => {
  it('runs every two minutes', () => {
    expect(Reflect.getMetadata(JOB_HANDLER, MatchSavedSearchesJob)).toBe(SearchTasks.matchSavedSearches);
    expect(SearchTasks.matchSavedSearches).toMatchObject({
      name: 'search.match-saved-searches',
      schedule: '*/2 * * * *',
    });
  });

  it('runs the alerts once per run', async () => {
    const { sut, mock } = newTestService(MatchSavedSearchesJob);
    mock(SavedSearchAlertService).run.mockResolvedValue({ published: 2, notified: 1 });
    await sut.handle();
    expect(mock(SavedSearchAlertService).run).toHaveBeenCalledTimes(1);
  });

  it('fails when the alerts fail, so the queue retries', async () => {
    const { sut, mock } = newTestService(MatchSavedSearchesJob);
    mock(SavedSearchAlertService).run.mockRejectedValue(new Error('down'));
    await expect(sut.handle()).rejects.toThrow('down');
  });
});
