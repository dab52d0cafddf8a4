import { newTestService } from '@lookbook/testing';
import { SweepUploadsJob } from './sweep-uploads.job';
import { UploadService } from './upload.service';

describe('the upload sweep', () => {
  it.each([
    [[0], 1],
    [[37], 1],
    [[100, 100, 12], 3],
    [[100, 0], 2],
  ])('sweeps batches of 100 until one is partial (%p → %i batches)', async (batches, calls) => {
    const { sut, mock } = newTestService(SweepUploadsJob);
    const sweep = mock(UploadService).sweepExpired;
    for (const swept of batches) sweep.mockResolvedValueOnce(swept);
    await sut.handle();
    expect(sweep).toHaveBeenCalledTimes(calls);
    expect(sweep.mock.calls.every(([limit]) => limit === 100)).toBe(true);
  });

  it('stops at the batch that fails (the next run picks up the rest)', async () => {
    const { sut, mock } = newTestService(SweepUploadsJob);
    mock(UploadService).sweepExpired.mockResolvedValueOnce(100).mockRejectedValueOnce(new Error('storage down'));
    await expect(sut.handle()).rejects.toThrow('storage down');
    expect(mock(UploadService).sweepExpired).toHaveBeenCalledTimes(2);
  });
});
