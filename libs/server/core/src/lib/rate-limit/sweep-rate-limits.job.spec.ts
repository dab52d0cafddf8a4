import { newTestService } from '@lookbook/testing';
import { RateLimitRepository } from './rate-limit.repository';
import { SweepRateLimitsJob } from './sweep-rate-limits.job';

describe('the rate-limit sweep', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([1_767_225_600_000, 1_800_000_000_123])('drops the windows expired at the time it runs (%i)', async (now) => {
    jest.spyOn(Date, 'now').mockReturnValue(now);
    const { sut, mock } = newTestService(SweepRateLimitsJob);
    mock(RateLimitRepository).deleteExpired.mockResolvedValue(0);
    await sut.handle();
    expect(mock(RateLimitRepository).deleteExpired).toHaveBeenCalledWith(now);
  });

  it('fails the job when the database does', async () => {
    const { sut, mock } = newTestService(SweepRateLimitsJob);
    mock(RateLimitRepository).deleteExpired.mockRejectedValue(new Error('connection lost'));
    await expect(sut.handle()).rejects.toThrow('connection lost');
  });
});
