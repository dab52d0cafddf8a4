import { newTestService } from '@lookbook/testing';
import { TransferJob } from './transfer.job';
import { TransferService } from './transfer.service';

const ORDER = '0190a5b0-0000-7000-8000-0000000000a1';
const RECIPIENT = '0190a5b0-0000-7000-8000-0000000000b2';

describe('the transfer job', () => {
  it.each([
    [{ orderId: ORDER, recipientId: RECIPIENT, line: 2 }, 2],
    [{ orderId: ORDER, recipientId: RECIPIENT, line: 1 }, 1],
    // Jobs queued before orders had lines carry no line: they pay line 1.
    [{ orderId: ORDER, recipientId: RECIPIENT }, 1],
  ])('runs the transfer of one split (%p → line %i)', async (payload, line) => {
    const { sut, mock } = newTestService(TransferJob);
    mock(TransferService).run.mockResolvedValue('sent');
    await sut.handle(payload);
    expect(mock(TransferService).run).toHaveBeenCalledWith(ORDER, RECIPIENT, line);
  });

  it('fails the job when the transfer does (the queue retries it)', async () => {
    const { sut, mock } = newTestService(TransferJob);
    mock(TransferService).run.mockRejectedValue(new Error('provider down'));
    await expect(sut.handle({ orderId: ORDER, recipientId: RECIPIENT, line: 1 })).rejects.toThrow('provider down');
  });
});
