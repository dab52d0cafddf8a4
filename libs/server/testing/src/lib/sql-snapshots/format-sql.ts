/**
 * Lays a statement out for review without changing a character of what PostgreSQL runs, apart from whitespace:
 * hand-written SQL (several lines) keeps its author's layout, dedented, with blank lines and runs of spaces removed;
 * generated SQL (one line: TypeORM's) is broken before its clauses and after each selected column, indented by
 * parenthesis depth. Quoted text ('…', "…") is never touched. Parameters are PostgreSQL's own `$1…`, as the
 * drivers send them. Every statement ends with `;`.
 */
export function formatSql(statement: string): string {
  const text = statement.replace(/\r\n?/g, '\n').trim().replace(/;\s*$/, '');
  const body = text.includes('\n') ? dedent(text) : breakClauses(text);
  return `${body.split('\n').map(wrapConditions).join('\n')};`;
}

/** A line still over `LONG_LINE` (a long WHERE) continues before each `AND` outside parentheses, indented. */
function wrapConditions(line: string): string {
  if (line.length <= LONG_LINE) return line;
  const lead = line.slice(0, line.length - line.trimStart().length);
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (ch === "'" || ch === '"') i = closingQuote(line, i) - 1;
    else if (ch === '(') depth += 1;
    else if (ch === ')') depth -= 1;
    else if (depth === 0 && ch === ' ' && startsWithWord(line, i + 1, 'AND') && i > lead.length) {
      parts.push(line.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(line.slice(start));
  return parts.map((part, k) => (k === 0 ? part : `${lead}  ${part}`)).join('\n');
}

/** Strips the common indentation of lines 2…n (line 1 starts right after the opening quote), blank lines, and runs of spaces. */
function dedent(text: string): string {
  const lines = text.split('\n').map((line) => line.replace(/\s+$/, ''));
  const rest = lines.slice(1).filter((line) => line.trim() !== '');
  const indent = Math.min(...rest.map((line) => line.length - line.trimStart().length), Infinity);
  const cut = Number.isFinite(indent) ? indent : 0;
  return [lines[0]!, ...lines.slice(1).map((line) => line.slice(Math.min(cut, line.length - line.trimStart().length)))]
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const lead = line.length - line.trimStart().length;
      const text = squeeze(line.slice(lead));
      // A line made long by interpolated parts is broken like generated SQL, under its own indentation.
      const laid = text.length > LONG_LINE && balanced(text) ? breakClauses(text) : text;
      return laid
        .split('\n')
        .map((part) => line.slice(0, lead) + part)
        .join('\n');
    })
    .join('\n');
}

/** Hand-written lines longer than this are broken before their clauses. */
const LONG_LINE = 160;

/** Whether the parentheses outside quotes pair up within the text (so breaking it cannot misplace one). */
function balanced(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') i = closingQuote(text, i) - 1;
    else if (ch === '(') depth += 1;
    else if (ch === ')' && (depth -= 1) < 0) return false;
  }
  return depth === 0;
}

/** Clauses that start a line in generated SQL. Longest first, so `LEFT JOIN` wins over `JOIN`. */
const CLAUSES = [
  'ON CONFLICT',
  'LEFT JOIN',
  'INNER JOIN',
  'RIGHT JOIN',
  'CROSS JOIN',
  'ORDER BY',
  'GROUP BY',
  'FOR UPDATE',
  'FOR NO KEY UPDATE',
  'UNION ALL',
  'RETURNING',
  'HAVING',
  'OFFSET',
  'VALUES',
  'SELECT',
  'WHERE',
  'LIMIT',
  'UNION',
  'FROM',
  'JOIN',
  'SET',
];

interface Level {
  /** A clause of this parenthesis level started a new line (its closing parenthesis gets one too). */
  broke: boolean;
  /** Inside this level's SELECT list (columns go one per line). */
  selecting: boolean;
  /** The level is a statement or a subquery (its clauses break lines), not a call's arguments or a FILTER. */
  query: boolean;
}

function breakClauses(text: string): string {
  const input = squeeze(text);
  let out = '';
  const levels: Level[] = [{ broke: true, selecting: false, query: true }];
  const indent = () => '  '.repeat(levels.length - 1);
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (ch === "'" || ch === '"') {
      const end = closingQuote(input, i);
      out += input.slice(i, end);
      i = end;
      continue;
    }
    const level = levels[levels.length - 1]!;
    if (ch === '(') {
      levels.push({ broke: false, selecting: false, query: false });
      out += ch;
      i += 1;
      continue;
    }
    if (ch === ')') {
      const closed = levels.length > 1 ? levels.pop()! : level;
      out = closed.broke ? `${out.trimEnd()}\n${indent()})` : out + ch;
      i += 1;
      continue;
    }
    if (ch === ',' && level.selecting) {
      out += `,\n${indent()}  `;
      i += 1;
      while (input[i] === ' ') i += 1;
      continue;
    }
    const clause = atWordStart(input, i) ? CLAUSES.find((c) => startsWithWord(input, i, c)) : undefined;
    // `DELETE FROM` and `IS DISTINCT FROM` stay on their line.
    const first = out.trim() === '' || out.endsWith('(');
    if (clause === 'SELECT' && first) level.query = true;
    if (clause && level.query && !(clause === 'FROM' && /\b(DELETE|DISTINCT) $/.test(out))) {
      if (!(first && levels.length === 1)) out = `${out.trimEnd()}\n${indent()}`;
      if (!first || levels.length > 1) level.broke = true;
      level.selecting = clause === 'SELECT';
      out += input.slice(i, i + clause.length);
      i += clause.length;
      if (clause === 'SELECT') {
        // Columns one per line, indented under the SELECT.
        while (input[i] === ' ') i += 1;
        const distinct = startsWithWord(input, i, 'DISTINCT') ? 'DISTINCT' : '';
        if (distinct) i += distinct.length;
        out += `${distinct ? ' DISTINCT' : ''}\n${indent()}  `;
        while (input[i] === ' ') i += 1;
      }
      continue;
    }
    out += ch;
    i += 1;
  }
  return out
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

/** Collapses runs of spaces outside quotes into one. */
function squeeze(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') {
      const end = closingQuote(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (ch === ' ' || ch === '\t') {
      if (!out.endsWith(' ')) out += ' ';
      i += 1;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/** The index just past the quote closing the one at `start` (a doubled quote is an escaped one). */
function closingQuote(text: string, start: number): number {
  const quote = text[start]!;
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return text.length;
}

const WORD = /[A-Za-z0-9_$.]/;

function atWordStart(text: string, i: number): boolean {
  return i === 0 || !WORD.test(text[i - 1]!);
}

function startsWithWord(text: string, i: number, word: string): boolean {
  return text.startsWith(word, i) && !WORD.test(text[i + word.length] ?? ' ');
}
