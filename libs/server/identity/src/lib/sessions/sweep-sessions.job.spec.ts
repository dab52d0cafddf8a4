import { Clock } from '@lookbook/core';
import { FakeClock, newTestService } from '@lookbook/testing';
import { SessionRepository } from './session.repository';
import { SweepSessionsJob } from './sweep-sessions.job';

describe('the hourly session sweep', () => {
  it.each([
    ['2026-01-08T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
    ['2026-03-01T12:30:00.000Z', '2026-02-22T12:30:00.000Z'],
  ])('at %s drops the sessions that ended before %s (a week of grace)', async (now, cutoff) => {
    const { sut, mock } = newTestService(SweepSessionsJob, [[Clock, new FakeClock(new Date(now))]]);
    mock(SessionRepository).deleteExpired.mockResolvedValue(3);
    await sut.handle();
    expect(mock(SessionRepository).deleteExpired).toHaveBeenCalledTimes(1);
    expect(mock(SessionRepository).deleteExpired).toHaveBeenCalledWith(new Date(cutoff));
  });

  it('fails the job when the database does (the queue retries it)', async () => {
    const { sut, mock } = newTestService(SweepSessionsJob, [[Clock, new FakeClock()]]);
    mock(SessionRepository).deleteExpired.mockRejectedValue(new Error('connection lost'));
    await expect(sut.handle()).rejects.toThrow('connection lost');
  });
});
