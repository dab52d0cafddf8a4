import { Clock } from '@lookbook/core';
import { FakeClock, newTestService } from '@lookbook/testing';
import { NotificationMailer } from './notification-mailer.service';
import { SendDigestsJob } from './send-digests.job';

describe('SendDigestsJob', () => {
  it.each([
    ['2026-12-08T07:00:00Z', '2026-12-07'],
    ['2027-03-01T07:00:00Z', '2027-02-28'],
  ])('at %s queues the digest of %s', async (now, day) => {
    const { sut, mock } = newTestService(SendDigestsJob, [[Clock, new FakeClock(new Date(now))]]);
    mock(NotificationMailer).queueDigests.mockResolvedValue(3);
    await sut.handle();
    expect(mock(NotificationMailer).queueDigests).toHaveBeenCalledWith(day);
  });
});
