import fc from 'fast-check';
import {
  checkText,
  codePoints,
  InvalidTextError,
  isBlank,
  manyLines,
  oneLine,
  quoted,
  sanitizeJson,
  sanitizeText,
  singleLine,
  textProblem,
} from './text';

const problemOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof InvalidTextError) return { code: error.code, field: error.field, problem: error.problem };
    throw error;
  }
};

describe('text rules', () => {
  it.each([
    ['NUL', 'a\u0000b', 'CONTROL_CHARACTER'],
    ['bell', 'a\u0007', 'CONTROL_CHARACTER'],
    ['escape', '\u001b[31mred', 'CONTROL_CHARACTER'],
    ['DEL', 'x\u007f', 'CONTROL_CHARACTER'],
    ['C1 control', 'x\u0085y\u0090', 'CONTROL_CHARACTER'],
    ['lone high surrogate', 'x\ud800', 'INVALID_UNICODE'],
    ['lone low surrogate', '\udc00x', 'INVALID_UNICODE'],
    ['right-to-left override', 'invoice\u202eexe.pdf', 'BIDI_OVERRIDE'],
    ['left-to-right embedding', '\u202aabc', 'BIDI_OVERRIDE'],
    ['first strong isolate', 'a\u2068b\u2069', 'BIDI_OVERRIDE'],
    ['zero-width space only', '\u200b', 'BLANK'],
    ['invisible with spaces', ' \u200b\u2060 \ufeff ', 'BLANK'],
    ['variation selectors only', '\ufe0f\ufe0e', 'BLANK'],
    ['tag characters only', '\udb40\udc41\udb40\udc42', 'BLANK'],
  ])('refuses %s', (_name, value, problem) => {
    expect(textProblem(value)).toBe(problem);
    expect(problemOf(() => checkText(value, 'input.name'))).toEqual({
      code: 'INVALID_TEXT',
      field: 'input.name',
      problem,
    });
  });

  it.each([
    ['plain', 'Ink Wash'],
    ['empty (optional fields)', ''],
    ['whitespace (the field decides)', '   '],
    ['emoji with a zero-width joiner', '👩‍🎨 studio'],
    ['flag (regional indicators)', '🇯🇵'],
    ['right-to-left text with a bidi mark', 'שלום\u200f'],
    ['newlines and tabs', 'line one\n\tline two\r\n'],
    ['astral plane', '𝕃𝕠𝕠𝕜'],
  ])('accepts %s', (_name, value) => {
    expect(textProblem(value)).toBeNull();
  });

  it('normalises to NFC so equal-looking text compares equal', () => {
    expect(checkText('Cafe\u0301', 'x')).toBe('Café');
    expect(checkText('Café', 'x')).toBe('Café');
  });

  it('keeps single-line fields on one line', () => {
    expect(oneLine('  Ada  ', 'creditLine')).toBe('Ada');
    for (const value of ['a\nb', 'a\rb', 'a\tb', 'a\u2028b'])
      expect(problemOf(() => oneLine(value, 'creditLine'))?.problem).toBe('LINE_BREAK');
    expect(problemOf(() => singleLine('', 'name', { max: 10 }))?.problem).toBe('BLANK');
    expect(singleLine('', 'name', { max: 10, optional: true })).toBe('');
    expect(problemOf(() => singleLine('x'.repeat(11), 'name', { max: 10 }))).toMatchObject({ problem: 'TOO_LONG' });
    expect(singleLine('😀'.repeat(10), 'name', { max: 10 })).toBe('😀'.repeat(10)); // code points, not UTF-16 units
  });

  it('normalises line endings in multi-line fields', () => {
    expect(manyLines('a\r\nb\rc\u2028d  \n\n', 'description')).toBe('a\nb\nc\nd');
    expect(manyLines(' \n\t ', 'description')).toBe('');
  });

  it('counts code points', () => {
    expect(codePoints('a😀b')).toBe(3);
    expect(isBlank('\u200d')).toBe(true);
    expect(isBlank('a\u200d')).toBe(false);
  });

  it('cleans text read out of files instead of refusing it', () => {
    expect(sanitizeText('a\u0000b\u202ec\ud800')).toBe('abc\ufffd');
    expect(sanitizeJson({ 'k\u0000': ['x\u0000', 1, null, { y: 'Cafe\u0301' }] })).toEqual({
      k: ['x', 1, null, { y: 'Café' }],
    });
  });

  it('quotes user text so it stays one line inside generated documents', () => {
    expect(quoted('Ada "the" Lovelace')).toBe("\u201cAda 'the' Lovelace\u201d");
    expect(quoted('a\n\n4. Commercial use. NOT permitted')).toBe('\u201ca 4. Commercial use. NOT permitted\u201d');
    expect(quoted('x'.repeat(500), 10)).toBe(`\u201c${'x'.repeat(10)}\u201d`);
  });

  it('whatever the input, checked text is well-formed NFC with no controls or overrides', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        let out: string;
        try {
          out = checkText(value, 'field');
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidTextError);
          return;
        }
        expect(out.isWellFormed()).toBe(true);
        expect(out).toBe(out.normalize('NFC'));
        expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
    );
  });

  it('sanitised text always passes the rules (or is blank)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        const clean = sanitizeText(value);
        expect([null, 'BLANK']).toContain(textProblem(clean));
      }),
    );
  });
});
