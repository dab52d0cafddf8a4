import { MAX_PAGE_SIZE, pageSize } from './pagination';

describe('pageSize', () => {
  it('defaults and accepts the range', () => {
    expect(pageSize({})).toBe(20);
    expect(pageSize({ first: 1 })).toBe(1);
    expect(pageSize({ first: MAX_PAGE_SIZE })).toBe(MAX_PAGE_SIZE);
  });

  it.each([0, -1, MAX_PAGE_SIZE + 1, 100000, 1.5])('refuses first: %p', (first) => {
    expect(() => pageSize({ first })).toThrow(expect.objectContaining({ code: 'PAGE_SIZE_TOO_LARGE' }));
  });
});
