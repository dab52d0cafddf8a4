import type { Json, JsonObject } from './json';
import { jsonPathText, locateJson, parseJson, stringifyJson } from './json';
import { editJson } from './json-edit';

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return { code: (error as { code?: string }).code, details: (error as { details?: unknown }).details };
  }
  return null;
};

/** Digits inside a string send any text through the exact reader (the fast path declines long digit runs). */
const viaExactReader = (text: string) => text.replace(/^\{/, '{"pad":"1234567890123456789",');

describe('lossless JSON: reading', () => {
  it.each([
    ['a 64-bit seed', '18446744073709551615', 18446744073709551615n],
    ['a negative one', '-9223372036854775808', -9223372036854775808n],
    ['2^53 + 1', '9007199254740993', 9007199254740993n],
    ['the largest safe integer', '9007199254740991', 9007199254740991],
    ['a float with 17 digits', '0.30000000000000004', 0.30000000000000004],
    ['1.0', '1.0', 1],
    ['an exponent', '1E+2', 100],
    ['1e400 (beyond a double)', '1e400', Infinity],
  ])('reads %s exactly where a double cannot, and keeps its text', (_what, token, expected) => {
    for (const text of [`{"seed": ${token}}`, viaExactReader(`{"seed": ${token}}`)]) {
      const read = parseJson(text);
      expect((read.value as JsonObject)['seed']).toEqual(expected);
      expect(read.text).toBe(text);
    }
  });

  it('keeps -0 as -0, the last of a repeated key, and __proto__ as an ordinary key', () => {
    for (const text of [
      '{"a": -0, "k": 1, "k": 2, "__proto__": {"x": 1}}',
      viaExactReader('{"a": -0, "k": 1, "k": 2, "__proto__": {"x": 1}}'),
    ]) {
      const value = parseJson(text).value as JsonObject;
      expect(Object.is(value['a'], -0)).toBe(true);
      expect(value['k']).toBe(2);
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(Object.keys(value)).toContain('__proto__');
      expect(({} as Record<string, unknown>)['x']).toBeUndefined();
    }
  });

  it.each([
    ['a comment', '{"a": 1 /* no */}'],
    ['a line comment', '{"a": 1} // no'],
    ['a trailing comma', '{"a": 1,}'],
    ['single quotes', "{'a': 1}"],
    ['a leading zero', '{"a": 01}'],
    ['a plus sign', '{"a": +1}'],
    ['a bare fraction', '{"a": .5}'],
    ['a dangling point', '{"a": 1.}'],
    ['a dangling exponent', '{"a": 1e}'],
    ['a raw control character in a string', '{"a": "x\u0001y"}'],
    ['an unterminated string', '{"a": "x'],
    ['a bad escape', '{"a": "\\x41"}'],
    ['two values', '{"a": 1} {"b": 2}'],
    ['nothing', ''],
    ['a lowercase nan', '{"a": nan}'],
    ['a non-breaking space between tokens', '{"a":\u00a01}'],
  ])('refuses %s (WORKFLOW_NOT_JSON), on both paths', (_what, text) => {
    expect(failure(() => parseJson(text))?.code).toBe('WORKFLOW_NOT_JSON');
    expect(failure(() => parseJson(viaExactReader(text.startsWith('{') ? text : `{${text}`)))?.code).toBe(
      'WORKFLOW_NOT_JSON',
    );
  });

  it('reads the same value as JSON.parse wherever JSON.parse is exact', () => {
    const text = JSON.stringify({
      nodes: [{ id: 1, pos: [-1234.0892345023, 543.2], widgets_values: ['a "quoted" \\ prompt', 7.5, true, null] }],
      extra: { ds: { scale: 0.6830134553650711, offset: [12.5, -3] }, note: 'caf\u00e9 \ud83d\ude00\n\t' },
    });
    expect(parseJson(viaExactReader(text)).value).toEqual({ pad: '1234567890123456789', ...JSON.parse(text) });
    expect(parseJson(text).value).toEqual(JSON.parse(text));
  });
});

describe('lossless JSON: the exact reader agrees with JSON.parse', () => {
  // A small seeded generator: the same cases every run.
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const spaces = () => pick(['', ' ', '\n  ', '\t', '\r\n']);
  function valueText(depth: number): string {
    const kind = depth > 3 ? Math.floor(random() * 4) : Math.floor(random() * 6);
    switch (kind) {
      case 0:
        return pick(['0', '-0', '1.5', '-2.25e-3', '1E+2', '123456789', '0.30000000000000004', '8.0']);
      case 1:
        return JSON.stringify(pick(['', 'plain', 'quote " and \\', 'caf\u00e9 😀', 'line\nbreak', 'a/b']));
      case 2:
        return pick(['true', 'false', 'null', '"\\u00e9\\/\\b\\f"']);
      case 3:
        return pick(['[]', '{}', '[ ]', '{ }']);
      case 4:
        return `[${spaces()}${Array.from({ length: 1 + Math.floor(random() * 4) }, () => valueText(depth + 1)).join(`,${spaces()}`)}${spaces()}]`;
      default:
        return `{${spaces()}${Array.from(
          { length: 1 + Math.floor(random() * 4) },
          (_, i) => `"k${i}${pick(['', 'é', ' x'])}"${spaces()}:${spaces()}${valueText(depth + 1)}`,
        ).join(`,${spaces()}`)}${spaces()}}`;
    }
  }

  it('on 300 generated documents, with any whitespace', () => {
    for (let n = 0; n < 300; n += 1) {
      const text = `{"doc": ${valueText(0)}}`;
      const exact = parseJson(viaExactReader(text)).value as JsonObject;
      expect(exact['doc']).toEqual((JSON.parse(text) as JsonObject)['doc']);
      // And on where each value is: the located text of every member reads back to the same value.
      const at = locateJson(text).members!.get('doc')!;
      expect(JSON.parse(text.slice(at.start, at.end))).toEqual((JSON.parse(text) as JsonObject)['doc']);
    }
  });

  it('on 300 broken ones: each is refused by both, or read alike', () => {
    for (let n = 0; n < 300; n += 1) {
      const text = `{"doc": ${valueText(0)}}`;
      const cut = Math.floor(random() * text.length);
      const broken = pick([
        text.slice(0, cut),
        text.slice(0, cut) + text.slice(cut + 1),
        text.slice(0, cut) + pick([',', '}', ']', '"', ':', 'x', '\u0001']) + text.slice(cut),
      ]);
      let native: unknown = 'refused';
      try {
        native = JSON.parse(broken);
      } catch {
        // refused
      }
      let exact: unknown = 'refused';
      try {
        exact = parseJson(broken.replace(/^\{/, '{"pad":"1234567890123456789",')).value;
        if (native !== 'refused') delete (exact as Record<string, unknown>)['pad'];
      } catch {
        // refused
      }
      if (!broken.startsWith('{')) continue;
      expect([broken, exact]).toEqual([broken, native]);
    }
  });
});

describe('lossless JSON: the text rules', () => {
  it.each([
    [
      'a NUL in a widget value',
      '{"nodes": [{"widgets_values": ["a\\u0000b"]}]}',
      '$.nodes[0].widgets_values[0]',
      'CONTROL_CHARACTER',
    ],
    ['a lone high surrogate', '{"extra": {"note": "\\ud800"}}', '$.extra.note', 'INVALID_UNICODE'],
    ['a lone low surrogate', '{"x": ["ok", "\\udc00z"]}', '$.x[1]', 'INVALID_UNICODE'],
    ['a NUL in a key', '{"extra": {"\\u0000": 1}}', '$.extra', 'CONTROL_CHARACTER'],
    ['a surrogate in a key', '{"\\ud800key": 1}', '$', 'INVALID_UNICODE'],
    ['an escape control (ESC)', '{"a": "\\u001b[31m"}', '$.a', 'CONTROL_CHARACTER'],
    ['a C1 control', '{"a": "x\\u0085"}', '$.a', 'CONTROL_CHARACTER'],
    ['a bidi override', '{"name": "evil\\u202efdp.safetensors"}', '$.name', 'BIDI_OVERRIDE'],
  ])('refuse %s, saying where (WORKFLOW_INVALID_TEXT), on both paths', (_what, text, path, problem) => {
    for (const input of [text, viaExactReader(text)])
      expect(failure(() => parseJson(input, { textRules: true }))).toEqual({
        code: 'WORKFLOW_INVALID_TEXT',
        details: { path, problem },
      });
    // Only when asked: parameters are checked by their own rules.
    expect(failure(() => parseJson(text))).toBeNull();
  });

  it('accept what text may hold: paired surrogates (emoji), tabs and newlines, right-to-left marks', () => {
    const text = '{"a": "\\ud83d\\ude00 \\t\\n\\r", "b": "\u05e9\u05dc\u05d5\u05dd \u200f", "c": ""}';
    expect(parseJson(text, { textRules: true }).value).toEqual({ a: '😀 \t\n\r', b: 'שלום \u200f', c: '' });
  });
});

describe('lossless JSON: writing', () => {
  it('writes bigints as their digits, leaves undefined members out, escapes lone surrogates', () => {
    const value = { seed: 18446744073709551615n, gone: undefined, z: -0, s: '\ud800', list: [1n, null] } as never;
    expect(stringifyJson(value)).toBe('{"seed":18446744073709551615,"z":0,"s":"\\ud800","list":[1,null]}');
    expect(stringifyJson(Infinity)).toBe('null');
    expect(jsonPathText(['nodes', 3, 'widgets_values', 0])).toBe('$.nodes[3].widgets_values[0]');
    expect(jsonPathText(['extra', 'odd key', '\u0000'])).toBe('$.extra["odd key"]["\\u0000"]');
  });
});

describe('lossless JSON: edits', () => {
  const source = [
    '{',
    '  "last_node_id": 18446744073709551615,',
    '  "nodes": [ { "id": 3, "widgets_values": [ 42, "randomize", 1.0, -0, 1e400 ] } ],',
    '  "futureKey": { "deep": [ 1.50, "caf\\u00e9", "\\/" ] },',
    '  "empty": { }',
    '}',
  ].join('\n');

  it('replace only what they set: every other byte stays, numbers and escapes as written', () => {
    const out = editJson(source, [{ path: ['nodes', 0, 'widgets_values', 0], value: 18446744073709551615n }]);
    expect(out).toBe(source.replace('[ 42,', '[ 18446744073709551615,'));
  });

  it('leave a value set to what it already is as it was written (1.0, -0, escapes)', () => {
    const out = editJson(source, [
      { path: ['nodes', 0, 'widgets_values', 2], value: 1 },
      { path: ['nodes', 0, 'widgets_values', 3], value: 0 },
      { path: ['futureKey', 'deep', 1], value: 'café' },
      { path: ['futureKey', 'deep', 0], value: 1.5 },
    ]);
    expect(out).toBe(source);
  });

  it('insert missing members, creating the objects around them, merged into one insertion', () => {
    const out = editJson(source, [
      { path: ['extra', 'linearData', 'inputs'], value: [[3, 'seed']] },
      { path: ['extra', 'linearMode'], value: true },
      { path: ['empty', 'a'], value: 1 },
    ]);
    expect(out.startsWith(source.slice(0, source.indexOf('"empty"')))).toBe(true);
    const value = parseJson(out).value as JsonObject;
    expect(value['extra']).toEqual({ linearData: { inputs: [[3, 'seed']] }, linearMode: true });
    expect(value['empty']).toEqual({ a: 1 });
    expect(value['last_node_id'] as Json).toBe(18446744073709551615n);
    expect(out).toContain('"empty": { "a":1}');
  });

  it('turn a non-object on the way into an object; later edits of one place win; overlapping edits are a bug', () => {
    const out = editJson('{"extra": null, "n": 1}', [
      { path: ['extra', 'lookbook', 'slots'], value: [] },
      { path: ['n'], value: 2 },
      { path: ['n'], value: 3 },
    ]);
    expect(out).toBe('{"extra": {"lookbook":{"slots":[]}}, "n": 3}');
    expect(() =>
      editJson('{"a": {"b": 1}}', [
        { path: ['a'], value: 5 },
        { path: ['a', 'c'], value: 1 },
      ]),
    ).toThrow('overlap');
    expect(() => editJson('{"a": []}', [{ path: ['a', 2], value: 1 }])).toThrow('no item');
  });

  it('locate values by where their text is', () => {
    const at = locateJson(source);
    const seed = at.members!.get('nodes')!.items![0]!.members!.get('widgets_values')!.items![4]!;
    expect(source.slice(seed.start, seed.end)).toBe('1e400');
    expect(at.members!.get('empty')!.count).toBe(0);
  });
});
