import { Logger } from '@nestjs/common';
import { JOB_HANDLER } from '@lookbook/core';
import { newTestService } from '@lookbook/testing';
import { CommunityTasks } from '../community.tasks';
import { CounterRepository } from './counter.repository';
import { RecountCountersJob } from './recount-counters.job';

describe('RecountCountersJob', () => {
  it('runs nightly', () => {
    expect(Reflect.getMetadata(JOB_HANDLER, RecountCountersJob)).toBe(CommunityTasks.recountCounters);
    expect(CommunityTasks.recountCounters).toMatchObject({
      name: 'community.recount-counters',
      schedule: '40 3 * * *',
    });
  });

  it('reports what it repaired, metric by metric', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { sut, mock } = newTestService(RecountCountersJob);
    const fixed = [
      { metric: 'LIKES' as const, subjects: 2, drift: 7 },
      { metric: 'FOLLOWERS' as const, subjects: 1, drift: 1 },
    ];
    mock(CounterRepository).recount.mockResolvedValue(fixed);
    expect(await sut.recount()).toEqual(fixed);
    expect(warn).toHaveBeenCalledWith(
      'counter recount repaired LIKES: 2 subjects (off by 7); FOLLOWERS: 1 subjects (off by 1)',
    );
    warn.mockRestore();
  });

  it('says so when nothing drifted, and fails when the recount fails (the queue retries)', async () => {
    const { sut, mock } = newTestService(RecountCountersJob);
    mock(CounterRepository).recount.mockResolvedValueOnce([]).mockRejectedValueOnce(new Error('down'));
    expect(await sut.recount()).toEqual([]);
    await expect(sut.handle()).rejects.toThrow('down');
  });
});
