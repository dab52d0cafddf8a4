import { createScanner } from 'jsonc-parser';
import type { TextProblem } from '@lookbook/kernel';
import { textProblem } from '@lookbook/kernel';
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

// jsonc-parser's SyntaxKind and ScanError (const enums, which isolated modules cannot import).
const OPEN_BRACE: number = 1;
const CLOSE_BRACE: number = 2;
const OPEN_BRACKET: number = 3;
const CLOSE_BRACKET: number = 4;
const COMMA: number = 5;
const COLON: number = 6;
const NULL: number = 7;
const TRUE: number = 8;
const FALSE: number = 9;
const STRING: number = 10;
const NUMBER: number = 11;
const LINE_BREAK: number = 14;
const TRIVIA: number = 15;
const UNKNOWN: number = 16;
const EOF: number = 17;

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

class Reader {
  private readonly scanner;
  private token = EOF;
  private readonly path: (string | number)[] = [];
  /** `NaN`/`Infinity` tokens, as [start, end), to write as null. */
  readonly nonFinite: [number, number][] = [];

  constructor(
    text: string,
    private readonly rules: boolean,
    private readonly locate: boolean,
  ) {
    this.scanner = createScanner(text, false);
  }

  read(): { value: Json; location: JsonLocation | undefined } {
    this.next();
    const { value, location } = this.value();
    if (this.token !== EOF) throw WorkflowErrors.notJson();
    return { value, location };
  }

  /** The next token that is not whitespace (also kept as `token`). */
  private next(): number {
    for (;;) {
      this.token = this.scanner.scan();
      if (this.token === TRIVIA || this.token === LINE_BREAK) continue;
      // Comments, broken strings and numbers: not JSON.
      if ((this.token >= 12 && this.token <= 13) || (this.scanner.getTokenError() as number) !== 0)
        throw WorkflowErrors.notJson();
      return this.token;
    }
  }

  private check(value: string, key = false): void {
    if (!this.rules) return;
    const problem = textProblem(value);
    if (problem && REFUSED.has(problem))
      throw WorkflowErrors.invalidText(jsonPathText(this.path), problem, key ? 'a key' : 'a value');
  }

  private value(): { value: Json; location: JsonLocation | undefined } {
    const start = this.scanner.getTokenOffset();
    const end = () => this.scanner.getTokenOffset() + this.scanner.getTokenLength();
    const at = (value: Json, stop = end()) => ({
      value,
      location: this.locate ? { start, end: stop } : undefined,
    });
    switch (this.token) {
      case OPEN_BRACE:
        return this.object(start);
      case OPEN_BRACKET:
        return this.array(start);
      case STRING: {
        const value = this.scanner.getTokenValue();
        this.check(value);
        const out = at(value);
        this.next();
        return out;
      }
      case NUMBER: {
        const out = at(numberValue(this.scanner.getTokenValue()));
        this.next();
        return out;
      }
      case TRUE:
      case FALSE:
      case NULL: {
        const out = at(this.token === TRUE ? true : this.token === FALSE ? false : null);
        this.next();
        return out;
      }
      case UNKNOWN: {
        // Python's non-finite numbers: NaN, Infinity, -Infinity (the minus scans as a token of its own).
        let word = this.scanner.getTokenValue();
        let stop = end();
        if (word === '-') {
          this.next();
          if (this.token !== UNKNOWN || this.scanner.getTokenOffset() !== stop) throw WorkflowErrors.notJson();
          word = `-${this.scanner.getTokenValue()}`;
          stop = end();
        }
        if (word !== 'NaN' && word !== 'Infinity' && word !== '-Infinity') throw WorkflowErrors.notJson();
        this.nonFinite.push([start, stop]);
        const out = at(null, stop);
        this.next();
        return out;
      }
      default:
        throw WorkflowErrors.notJson();
    }
  }

  private object(start: number): { value: Json; location: JsonLocation | undefined } {
    const value: JsonObject = {};
    const members = this.locate ? new Map<string, JsonLocation>() : undefined;
    let count = 0;
    this.next();
    if (this.token !== CLOSE_BRACE)
      for (;;) {
        if (this.token !== STRING) throw WorkflowErrors.notJson();
        const key = this.scanner.getTokenValue();
        this.check(key, true);
        if (this.next() !== COLON) throw WorkflowErrors.notJson();
        this.next();
        this.path.push(key);
        const member = this.value();
        this.path.pop();
        // `__proto__` is a key like any other (as JSON.parse reads it), never the prototype.
        if (key === '__proto__')
          Object.defineProperty(value, key, {
            value: member.value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else value[key] = member.value;
        members?.set(key, member.location!);
        count += 1;
        if (this.token === COMMA) {
          this.next();
          continue;
        }
        if (this.token === CLOSE_BRACE) break;
        throw WorkflowErrors.notJson();
      }
    const stop = this.scanner.getTokenOffset() + 1;
    this.next();
    return { value, location: members ? { start, end: stop, members, count } : undefined };
  }

  private array(start: number): { value: Json; location: JsonLocation | undefined } {
    const value: Json[] = [];
    const items: JsonLocation[] | undefined = this.locate ? [] : undefined;
    this.next();
    if (this.token !== CLOSE_BRACKET)
      for (;;) {
        this.path.push(value.length);
        const item = this.value();
        this.path.pop();
        value.push(item.value);
        items?.push(item.location!);
        if (this.token === COMMA) {
          this.next();
          continue;
        }
        if (this.token === CLOSE_BRACKET) break;
        throw WorkflowErrors.notJson();
      }
    const stop = this.scanner.getTokenOffset() + 1;
    this.next();
    return { value, location: items ? { start, end: stop, items } : undefined };
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

/** Set `value` at `path`; objects on the way that do not exist are created (a non-object there is replaced). */
export interface JsonEdit {
  path: JsonPath;
  value: Json;
}

function setDeep(target: JsonObject, path: JsonPath, value: Json): void {
  let at = target;
  path.forEach((seg, i) => {
    const key = String(seg);
    if (i === path.length - 1) {
      at[key] = value;
      return;
    }
    const next = at[key];
    at = isObject(next) ? next : (at[key] = {});
  });
}

/**
 * The text with these values set, everything else byte for byte as it was. Each edit replaces the value at its path,
 * or inserts the missing member (with the objects around it); later edits of one place win; a value set to what it
 * already is stays as written.
 */
export function editJson(text: string, edits: readonly JsonEdit[]): string {
  if (!edits.length) return text;
  const root = locateJson(text);
  const replace = new Map<JsonLocation, Json>();
  const insert = new Map<JsonLocation, JsonObject>();
  for (const edit of edits) {
    let at = root;
    let done = false;
    for (let i = 0; i < edit.path.length && !done; i += 1) {
      const seg = edit.path[i]!;
      if (typeof seg === 'number') {
        const item = at.items?.[seg];
        if (!item) throw new Error(`editJson: no item ${jsonPathText(edit.path.slice(0, i + 1))}`);
        at = item;
        continue;
      }
      if (!at.members) {
        // Not an object: it becomes one holding the rest of the path.
        const pending = replace.get(at);
        const object = isObject(pending) ? pending : {};
        setDeep(object, edit.path.slice(i), edit.value);
        replace.set(at, object);
        done = true;
        continue;
      }
      const member = at.members.get(seg);
      if (!member) {
        const pending = insert.get(at) ?? {};
        setDeep(pending, edit.path.slice(i), edit.value);
        insert.set(at, pending);
        done = true;
        continue;
      }
      at = member;
    }
    if (!done) replace.set(at, edit.value);
  }
  const splices: { start: number; end: number; text: string }[] = [];
  for (const [at, value] of replace) {
    const written = stringifyJson(value);
    // The same value already there keeps its own spelling (`1.0`, `"caf\u00e9"`): nothing changes, byte for byte.
    if (stringifyJson(parseJson(text.slice(at.start, at.end)).value) !== written)
      splices.push({ start: at.start, end: at.end, text: written });
  }
  for (const [at, members] of insert) {
    const body = stringifyJson(members).slice(1, -1);
    splices.push({ start: at.end - 1, end: at.end - 1, text: at.count ? `,${body}` : body });
  }
  splices.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < splices.length; i += 1)
    if (splices[i]!.start < splices[i - 1]!.end) throw new Error('editJson: edits overlap');
  return splice(text, splices);
}

/** The text with these non-overlapping ranges (in order) replaced. */
function splice(text: string, splices: readonly { start: number; end: number; text: string }[]): string {
  if (!splices.length) return text;
  const parts: string[] = [];
  let at = 0;
  for (const s of splices) {
    parts.push(text.slice(at, s.start), s.text);
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
