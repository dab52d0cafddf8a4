import { ValidationError } from './errors';

/**
 * The one rule set for text that people (or files) send us (ARCHITECTURE.md §6.15). Every input passes `checkText`
 * at the edge (GraphQL arguments, REST bodies); fields then take their shape with `singleLine` / `multiLine`; text read
 * out of uploaded files goes through `sanitizeText`, which removes what `checkText` would refuse instead of refusing
 * the file. Framework-free, so the web client validates with the same rules.
 */
export type TextProblem =
  | 'INVALID_UNICODE' // lone surrogates: not text at all (Postgres would store U+FFFD while we echo the original)
  | 'CONTROL_CHARACTER' // NUL (Postgres refuses it) and other C0/C1 controls
  | 'BIDI_OVERRIDE' // U+202A–202E, U+2066–2069: make text display differently from what it says
  | 'BLANK' // nothing visible once invisible characters are removed
  | 'LINE_BREAK' // a newline or tab in a single-line field
  | 'TOO_LONG';

const PROBLEM_MESSAGES: Record<TextProblem, string> = {
  INVALID_UNICODE: 'contains invalid Unicode (an unpaired surrogate)',
  CONTROL_CHARACTER: 'contains a control character',
  BIDI_OVERRIDE: 'contains a bidirectional override character',
  BLANK: 'has nothing visible in it',
  LINE_BREAK: 'must be a single line',
  TOO_LONG: 'is too long',
};

export class InvalidTextError extends ValidationError {
  constructor(
    readonly field: string,
    readonly problem: TextProblem,
    max?: number,
  ) {
    super(
      'INVALID_TEXT',
      `${field} ${PROBLEM_MESSAGES[problem]}${max !== undefined ? ` (at most ${max} characters)` : ''}`,
      {
        field,
        problem,
        ...(max !== undefined ? { max } : {}),
      },
    );
  }
}

// C0 controls except tab, newline and carriage return; DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/;
/**
 * Characters that render as nothing: zero-width space/joiners, word joiner and invisible operators, BOM, soft hyphen,
 * bidi marks, Hangul fillers, combining grapheme joiner, variation selectors and tag characters. Allowed inside text
 * (a ZWJ builds emoji sequences), never as all of it.
 */
const INVISIBLE =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2060-\u2064\u206a-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]|\udb40[\udc00-\udc7f]|\udb40[\udd00-\uddef]/g;
const LINE_BREAKS = /[\t\n\r\u2028\u2029\u0085]/;

/** The rules every piece of text meets, whatever field it is: valid Unicode, no controls, no overrides, not invisible-only. */
export function textProblem(value: string): TextProblem | null {
  if (!value.isWellFormed()) return 'INVALID_UNICODE';
  if (CONTROL.test(value)) return 'CONTROL_CHARACTER';
  if (BIDI_OVERRIDE.test(value)) return 'BIDI_OVERRIDE';
  if (value.length > 0 && value.trim() !== '' && isBlank(value)) return 'BLANK';
  return null;
}

/** True when nothing visible is left once invisible characters and whitespace are removed. */
export function isBlank(value: string): boolean {
  return value.replace(INVISIBLE, '').trim() === '';
}

/** Checks the universal rules and returns the text NFC-normalised (so equal-looking strings compare equal). */
export function checkText(value: string, field: string): string {
  const problem = textProblem(value);
  if (problem) throw new InvalidTextError(field, problem);
  return value.normalize('NFC');
}

export interface FieldOptions {
  /** Characters (code points) allowed; longer is TOO_LONG. */
  max: number;
  /** Empty allowed? Default false: a required field. */
  optional?: boolean;
}

/** Single-line text (names, tags, credit lines…): the universal rules, no line breaks or tabs, trimmed. */
export function oneLine(value: string, field: string): string {
  const text = checkText(value, field).trim();
  if (LINE_BREAKS.test(text)) throw new InvalidTextError(field, 'LINE_BREAK');
  return isBlank(text) ? '' : text;
}

/** Multi-line text (descriptions, changelogs, notes): newlines and tabs allowed, line endings made `\n`. */
export function manyLines(value: string, field: string): string {
  const text = checkText(value, field).replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n');
  return isBlank(text) ? '' : text.replace(/\s+$/, '');
}

/** `oneLine`, then required unless optional and at most `max` code points — INVALID_TEXT naming the field otherwise. */
export function singleLine(value: string, field: string, options: FieldOptions): string {
  return shaped(oneLine(value, field), field, options);
}

/** `manyLines` with the same length and required checks. */
export function multiLine(value: string, field: string, options: FieldOptions): string {
  return shaped(manyLines(value, field), field, options);
}

function shaped(text: string, field: string, { max, optional }: FieldOptions): string {
  if (!optional && text === '') throw new InvalidTextError(field, 'BLANK');
  if (codePoints(text) > max) throw new InvalidTextError(field, 'TOO_LONG', max);
  return text;
}

/** Length as people count it (code points, so an emoji is one, not two). */
export function codePoints(text: string): number {
  return Array.from(text).length;
}

/**
 * For text read out of uploaded files (image metadata, safetensors headers): the file is not refused for it, the text
 * is cleaned — lone surrogates become U+FFFD, controls (except newline and tab) and bidi overrides are removed, NFC.
 */
export function sanitizeText(value: string): string {
  return value
    .toWellFormed()
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .normalize('NFC');
}

/** `sanitizeText` over every string (keys too) of a JSON value. */
export function sanitizeJson<T>(value: T): T {
  if (typeof value === 'string') return sanitizeText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => sanitizeJson(item)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [sanitizeText(key), sanitizeJson(item)]),
    ) as T;
  }
  return value;
}

/**
 * Puts user text inside generated documents (licence terms) so it cannot change their structure: one line, capped,
 * inside typographic quotes with any quotes of its own replaced.
 */
export function quoted(value: string, max = 200): string {
  const line = sanitizeText(value)
    .replace(/[\t\n\r\u2028\u2029\u0085]+/g, ' ')
    .replace(/[\u201c\u201d"]/g, "'")
    .trim();
  const capped = [...line].slice(0, max).join('');
  return `\u201c${capped}\u201d`;
}
