import { newTestService } from '@lookbook/testing';
import { MoneyReviewRepository } from './money-review.repository';
import { MoneyReviewService } from './money-review.service';

describe('support’s money review queue', () => {
  it.each([
    [undefined, 20],
    [1, 1],
    [100, 100],
  ])('asks for a page of %p → %i items', async (first, limit) => {
    const { sut, mock } = newTestService(MoneyReviewService);
    mock(MoneyReviewRepository).items.mockResolvedValue([]);
    await expect(sut.items(first)).resolves.toEqual([]);
    expect(mock(MoneyReviewRepository).items).toHaveBeenCalledWith(limit);
  });

  it.each([0, 101, 2.5, -1])('refuses a page of %p without reading', async (first) => {
    const { sut, mock } = newTestService(MoneyReviewService);
    // As a resolver sees it: awaited, whether the check throws at once or rejects.
    await expect((async () => sut.items(first))()).rejects.toMatchObject({ code: 'PAGE_SIZE_TOO_LARGE' });
    expect(mock(MoneyReviewRepository).items).not.toHaveBeenCalled();
  });
});
