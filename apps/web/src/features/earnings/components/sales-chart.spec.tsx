import { dayTicks } from './sales-chart';

const days = (n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));

describe('dayTicks: dates labelled by time, not by sale', () => {
  it.each([
    [1, 1],
    [7, 7],
    [30, 6],
    [90, 6],
    [366, 6],
  ])('%d days get at most %d evenly spaced labels, ending today', (n, most) => {
    const all = days(n);
    const ticks = dayTicks(all);
    expect(ticks.length).toBeLessThanOrEqual(most);
    expect(ticks.at(-1)).toBe(all.at(-1));
    const positions = ticks.map((t) => all.indexOf(t));
    const gaps = positions.slice(1).map((p, i) => p - positions[i]!);
    expect(new Set(gaps).size).toBeLessThanOrEqual(1);
  });
});
