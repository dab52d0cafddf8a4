import { APP_CONFIG, Clock } from '@lookbook/core';
import { FakeClock, newTestService, testConfig } from '@lookbook/testing';
import { NotificationRepository } from './notification.repository';
import { RETENTION_BATCH, RETENTION_MAX_BATCHES, SweepNotificationsJob } from './sweep-notifications.job';

const now = new Date('2027-06-30T04:35:00.000Z');
const cursor = (i: number) => ({
  at: new Date(2026, 0, 1, 0, 0, i),
  id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
});

function setUp(env: Record<string, string> = {}) {
  const { sut, mock } = newTestService(SweepNotificationsJob, [
    [Clock, new FakeClock(now)],
    [APP_CONFIG, testConfig(env)],
  ]);
  return { sut, rows: mock(NotificationRepository) };
}

describe('SweepNotificationsJob', () => {
  it.each([
    [{}, '2027-04-01T04:35:00.000Z', '2026-06-30T04:35:00.000Z'],
    [
      { NOTIFICATION_READ_RETENTION_DAYS: '30', NOTIFICATION_RETENTION_DAYS: '60' },
      '2027-05-31T04:35:00.000Z',
      '2027-05-01T04:35:00.000Z',
    ],
    [
      { NOTIFICATION_READ_RETENTION_DAYS: '7', NOTIFICATION_RETENTION_DAYS: '7' },
      '2027-06-23T04:35:00.000Z',
      '2027-06-23T04:35:00.000Z',
    ],
  ])('with %j deletes read ones written before %s and any before %s', async (env, readBefore, anyBefore) => {
    const { sut, rows } = setUp(env);
    rows.deleteExpiredBatch.mockResolvedValue({ deleted: 0, last: null });
    await sut.handle();
    expect(rows.deleteExpiredBatch).toHaveBeenCalledWith(
      new Date(readBefore),
      new Date(anyBefore),
      null,
      RETENTION_BATCH,
    );
  });

  it('walks on from where each batch ended until nothing is left', async () => {
    const { sut, rows } = setUp();
    rows.deleteExpiredBatch
      .mockResolvedValueOnce({ deleted: 1000, last: cursor(1) })
      .mockResolvedValueOnce({ deleted: 0, last: cursor(2) }) // a batch of unread ones kept: the walk goes on
      .mockResolvedValueOnce({ deleted: 17, last: cursor(3) })
      .mockResolvedValueOnce({ deleted: 0, last: null });
    await sut.handle();
    expect(rows.deleteExpiredBatch.mock.calls.map((call) => call[2])).toEqual([null, cursor(1), cursor(2), cursor(3)]);
  });

  it('stops after its bound of batches in one run', async () => {
    const { sut, rows } = setUp();
    rows.deleteExpiredBatch.mockResolvedValue({ deleted: RETENTION_BATCH, last: cursor(9) });
    await sut.handle();
    expect(rows.deleteExpiredBatch).toHaveBeenCalledTimes(RETENTION_MAX_BATCHES);
  });
});
