import type { TextProblem } from '@lookbook/kernel';
import { textProblem } from '@lookbook/kernel';
import { splice } from './text-splice';
import { WorkflowErrors } from './workflow-errors';

/**
 * JSON read and written losslessly. A workflow is kept as its text: nothing we do not change is ever re-serialised, so
 * unknown keys, key order, whitespace and numbers that JavaScript cannot hold (`18446744073709551615`, `1e400`, `-0`,
 * `1.0`) survive byte for byte. The parsed value is a read-only view of that text in which an integer beyond 2^53 is
 * a `bigint` (exact); changes are written as edits to the text at the places they apply.
 *
 * Parsing is strict JSON (no comments, no trailing commas) plus the bare `NaN`, `Infinity` and `-Infinity` Python's
 * `json.dumps` writes (ComfyUI graphs carry them): those become `null`, in the text too, so what we hand back is JSON
 * every reader accepts.
 */
export type Json = null | boolean | number | bigint | string | Json[] | JsonObject;
export type JsonObject = { [key: string]: Json };
export type JsonPath = readonly (string | number)[];

const DOCUMENT: unique symbol = Symbol('JsonDocument');

/** A JSON text and the value it holds (made by `parseJson` or `jsonDocument`). */
export interface JsonDocument {
  readonly text: string;
  readonly value: Json;
  readonly [DOCUMENT]: true;
}

const toDocument = (text: string, value: Json): JsonDocument => ({ text, value, [DOCUMENT]: true });

export const isJsonDocument = (input: unknown): input is JsonDocument =>
  typeof input === 'object' && input !== null && DOCUMENT in input;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface ParseJsonOptions {
  /**
   * Every string and key meets the text rules (valid Unicode, no control characters, no bidi overrides):
   * `WORKFLOW_INVALID_TEXT` naming where otherwise. Postgres refuses NUL; a lone surrogate is not text at all.
   */
  textRules?: boolean;
}

/** Text rules a JSON string must meet (the kernel's, less "blank": an empty widget value is fine). */
const REFUSED: ReadonlySet<TextProblem> = new Set(['INVALID_UNICODE', 'CONTROL_CHARACTER', 'BIDI_OVERRIDE']);

/** An integer token (no fraction, no exponent). */
const INTEGER = /^-?(?:0|[1-9]\d*)$/;

/** A number token as its value: exact integers beyond 2^53 as bigint, everything else as the nearest double. */
export function numberValue(token: string): number | bigint {
  const value = Number(token);
  return INTEGER.test(token) && !Number.isSafeInteger(value) ? BigInt(token) : value;
}

/** Where a value sits in the text: `[start, end)`; objects know their members (the last of a repeated key wins). */
export interface JsonLocation {
  start: number;
  end: number;
  members?: Map<string, JsonLocation>;
  items?: JsonLocation[];
  /** Objects: how many members the text has (repeats too), for where an insertion needs a comma. */
  count?: number;
}

/** Deeper than this is not a workflow (whose reader caps it far lower): refused before the stack is. */
const MAX_DEPTH = 512;
const NUMBER_TOKEN = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const ESCAPES: Record<number, string> = {
  34: '"',
  92: '\\',
  47: '/',
  98: '\b',
  102: '\f',
  110: '\n',
  114: '\r',
  116: '\t',
};

/**
 * A strict recursive-descent JSON reader over the text's char codes (RFC 8259: whitespace is space, tab, CR and LF;
 * no comments, trailing commas, leading zeros or bare fractions), plus Python's non-finite words. Strings without
 * escapes are sliced, not built, so a large workflow reads in milliseconds.
 */
class Reader {
  private at = 0;
  private readonly path: (string | number)[] = [];
  /** Where the value just read sits (when locating). */
  private location: JsonLocation | undefined;
  /** `NaN`/`Infinity` tokens, as [start, end), to write as null. */
  readonly nonFinite: [number, number][] = [];

  constructor(
    private readonly text: string,
    private readonly rules: boolean,
    private readonly locate: boolean,
  ) {}

  read(): { value: Json; location: JsonLocation | undefined } {
    const value = this.value(0);
    const location = this.location;
    this.space();
    if (this.at !== this.text.length) throw WorkflowErrors.notJson();
    return { value, location };
  }

  private space(): void {
    const { text } = this;
    let at = this.at;
    for (;;) {
      const c = text.charCodeAt(at);
      if (c === 32 || c === 10 || c === 13 || c === 9) at += 1;
      else break;
    }
    this.at = at;
  }

  private word(word: string): boolean {
    if (!this.text.startsWith(word, this.at)) return false;
    this.at += word.length;
    return true;
  }

  private check(value: string, key = false): void {
    const problem = textProblem(value);
    if (problem && REFUSED.has(problem))
      throw WorkflowErrors.invalidText(jsonPathText(this.path), problem, key ? 'a key' : 'a value');
  }

  private value(depth: number): Json {
    if (depth > MAX_DEPTH) throw WorkflowErrors.tooDeep(MAX_DEPTH);
    this.space();
    const start = this.at;
    const c = this.text.charCodeAt(start);
    let value: Json;
    if (c === 123) return this.object(depth);
    if (c === 91) return this.array(depth);
    if (c === 34) {
      value = this.string();
      if (this.rules) this.check(value);
    } else if (c === 116 && this.word('true')) value = true;
    else if (c === 102 && this.word('false')) value = false;
    else if (c === 110 && this.word('null')) value = null;
    else if ((c === 45 || (c >= 48 && c <= 57)) && !this.text.startsWith('-Infinity', start)) {
      NUMBER_TOKEN.lastIndex = start;
      const token = NUMBER_TOKEN.exec(this.text)?.[0];
      if (!token) throw WorkflowErrors.notJson();
      this.at += token.length;
      value = numberValue(token);
    } else if (this.word('NaN') || this.word('Infinity') || this.word('-Infinity')) {
      // Python's non-finite numbers.
      this.nonFinite.push([start, this.at]);
      value = null;
    } else throw WorkflowErrors.notJson();
    if (this.locate) this.location = { start, end: this.at };
    return value;
  }

  /** A string token (the cursor on its opening quote). */
  private string(): string {
    const { text } = this;
    let i = this.at + 1;
    let from = i;
    let out = '';
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c !== 92) {
        // NaN (past the end) and raw control characters are not JSON.
        if (!(c >= 0x20)) throw WorkflowErrors.notJson();
        i += 1;
        continue;
      }
      out += text.slice(from, i);
      const e = text.charCodeAt(i + 1);
      if (e === 117) {
        const hex = text.slice(i + 2, i + 6);
        if (!HEX4.test(hex)) throw WorkflowErrors.notJson();
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else {
        const escaped = ESCAPES[e];
        if (escaped === undefined) throw WorkflowErrors.notJson();
        out += escaped;
        i += 2;
      }
      from = i;
    }
    this.at = i + 1;
    return out === '' ? text.slice(from, i) : out + text.slice(from, i);
  }

  private object(depth: number): Json {
    const { text } = this;
    const start = this.at;
    this.at += 1;
    const value: JsonObject = {};
    const members = this.locate ? new Map<string, JsonLocation>() : undefined;
    let count = 0;
    this.space();
    if (text.charCodeAt(this.at) !== 125)
      for (;;) {
        this.space();
        if (text.charCodeAt(this.at) !== 34) throw WorkflowErrors.notJson();
        const key = this.string();
        if (this.rules) this.check(key, true);
        this.space();
        if (text.charCodeAt(this.at) !== 58) throw WorkflowErrors.notJson();
        this.at += 1;
        if (this.rules) this.path.push(key);
        const member = this.value(depth + 1);
        if (this.rules) this.path.pop();
        // `__proto__` is a key like any other (as JSON.parse reads it), never the prototype.
        if (key === '__proto__')
          Object.defineProperty(value, key, { value: member, enumerable: true, writable: true, configurable: true });
        else value[key] = member;
        if (members) members.set(key, this.location!);
        count += 1;
        this.space();
        const c = text.charCodeAt(this.at);
        this.at += 1;
        if (c === 44) continue;
        if (c === 125) break;
        throw WorkflowErrors.notJson();
      }
    else this.at += 1;
    if (members) this.location = { start, end: this.at, members, count };
    return value;
  }

  private array(depth: number): Json {
    const { text } = this;
    const start = this.at;
    this.at += 1;
    const value: Json[] = [];
    const items: JsonLocation[] | undefined = this.locate ? [] : undefined;
    this.space();
    if (text.charCodeAt(this.at) !== 93)
      for (;;) {
        if (this.rules) this.path.push(value.length);
        value.push(this.value(depth + 1));
        if (this.rules) this.path.pop();
        if (items) items.push(this.location!);
        this.space();
        const c = text.charCodeAt(this.at);
        this.at += 1;
        if (c === 44) continue;
        if (c === 93) break;
        throw WorkflowErrors.notJson();
      }
    else this.at += 1;
    if (items) this.location = { start, end: this.at, items };
    return value;
  }
}

/**
 * An integer token that a double cannot hold needs the exact reader; so do non-finite words. Anything else, the
 * engine's own parser reads to the same value, several times faster. (Conservative: digits inside strings count.)
 */
function needsExactReader(text: string): boolean {
  const long = /\d{16,}/g;
  for (let m = long.exec(text); m; m = long.exec(text)) {
    const before = text[m.index - 1];
    const after = text[m.index + m[0].length];
    const fraction = before === '.' || before === 'e' || before === 'E' || before === '+';
    const exponentSign = before === '-' && /[eE]/.test(text[m.index - 2] ?? '');
    if (!fraction && !exponentSign && after !== '.' && after !== 'e' && after !== 'E') return true;
  }
  return false;
}

function checkStrings(value: Json, path: (string | number)[]): void {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem && REFUSED.has(problem)) throw WorkflowErrors.invalidText(jsonPathText(path), problem, 'a value');
  } else if (Array.isArray(value))
    value.forEach((item, i) => {
      path.push(i);
      checkStrings(item, path);
      path.pop();
    });
  else if (isObject(value))
    for (const key of Object.keys(value)) {
      const problem = textProblem(key);
      if (problem && REFUSED.has(problem)) throw WorkflowErrors.invalidText(jsonPathText(path), problem, 'a key');
      path.push(key);
      checkStrings(value[key]!, path);
      path.pop();
    }
}

/** JSON text → its value and its text (non-finite words written as null). Depth is the caller's to cap. */
export function parseJson(text: string, options: ParseJsonOptions = {}): JsonDocument {
  if (!needsExactReader(text)) {
    let value: Json | undefined;
    try {
      value = JSON.parse(text) as Json;
    } catch {
      // NaN and friends, or not JSON at all: the exact reader says which.
    }
    if (value !== undefined) {
      if (options.textRules) checkStrings(value, []);
      return toDocument(text, value);
    }
  }
  const reader = new Reader(text, options.textRules ?? false, false);
  const { value } = reader.read();
  const splices = reader.nonFinite.map(([start, end]) => ({ start, end, text: 'null' }));
  return toDocument(splice(text, splices), value);
}

/** Where every value of a JSON text sits (for edits). */
export function locateJson(text: string): JsonLocation {
  return new Reader(text, false, true).read().location!;
}

/**
 * A value as compact JSON text: bigints as their digits, non-finite numbers as null (as JSON.stringify writes them),
 * lone surrogates escaped. What we write into a workflow.
 */
export function stringifyJson(value: Json): string {
  if (typeof value === 'bigint') return value.toString();
  // Like JSON.stringify: an undefined member is left out, an undefined item is null.
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : stringifyJson(v))).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stringifyJson(value[k]!)}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** A value as a document (its compact text). */
export const jsonDocument = (value: Json | JsonDocument): JsonDocument =>
  isJsonDocument(value) ? value : toDocument(stringifyJson(value), value);

/** `$.nodes[3].widgets_values[0]`, `$.extra["odd key"]`. */
export function jsonPathText(path: JsonPath): string {
  return path.reduce<string>(
    (out, seg) =>
      typeof seg === 'number'
        ? `${out}[${seg}]`
        : /^[A-Za-z_$][\w$]*$/.test(seg)
          ? `${out}.${seg}`
          : `${out}[${stringifyJson(seg)}]`,
    '$',
  );
}
