import { TextHygienePipe } from './text-hygiene.pipe';

describe('TextHygienePipe', () => {
  const pipe = new TextHygienePipe();
  const bad = 'a\u0000b';

  it('checks what the caller sent: REST body, query and path, and GraphQL arguments', () => {
    for (const type of ['body', 'query', 'param', 3] as const) {
      expect(() => pipe.transform({ name: bad }, { type: type as 'body', data: 'input' })).toThrow(
        expect.objectContaining({ code: 'INVALID_TEXT' }),
      );
    }
    expect(pipe.transform({ name: 'Cafe\u0301' }, { type: 'body' })).toEqual({ name: 'Café' });
  });

  it("leaves the resolver's own values alone: parent (0), context (1), info (2) and custom decorators", () => {
    const parent = { name: bad };
    for (const type of [0, 1, 2, 'custom'] as const) {
      expect(pipe.transform(parent, { type: type as 'custom' })).toBe(parent);
    }
  });
});
