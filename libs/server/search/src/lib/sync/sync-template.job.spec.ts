import { JOB_HANDLER } from '@lookbook/core';
import { newTestService } from '@lookbook/testing';
import { SearchTasks } from '../search.tasks';
import { SearchSyncService } from './search-sync.service';
import { SyncTemplateJob } from './sync-template.job';

const templateId = '00000000-0000-4000-8000-000000000002';

describe('SyncTemplateJob', () => {
  it('handles search.sync-template, keyed per template as the database triggers key it', () => {
    expect(Reflect.getMetadata(JOB_HANDLER, SyncTemplateJob)).toBe(SearchTasks.syncTemplate);
    expect(SearchTasks.syncTemplate.name).toBe('search.sync-template');
    // migrations/…-template-search.ts: job_key => 'search-template:' || template.
    expect(SearchTasks.syncTemplate.key?.({ templateId })).toBe(`search-template:${templateId}`);
    expect(() => SearchTasks.syncTemplate.payload.parse({ modelId: templateId })).toThrow();
  });

  it('re-reads the one template as a template document', async () => {
    const { sut, mock } = newTestService(SyncTemplateJob);
    mock(SearchSyncService).sync.mockResolvedValue(undefined);
    await sut.handle({ templateId });
    expect(mock(SearchSyncService).sync).toHaveBeenCalledWith('TEMPLATE', [templateId]);
  });

  it('fails while the engine is down, so the queue retries it', async () => {
    const { sut, mock } = newTestService(SyncTemplateJob);
    mock(SearchSyncService).sync.mockRejectedValue(new Error('engine down'));
    await expect(sut.handle({ templateId })).rejects.toThrow('engine down');
  });
});
