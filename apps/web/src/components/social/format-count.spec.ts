import { formatCount } from './format-count';

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1k'],
    [1250, '1.2k'],
    [9999, '9.9k'],
    [12_345, '12k'],
    [999_999, '999k'],
    [1_250_000, '1.2M'],
  ])('%d reads %s (rounded down, never up)', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });
});
