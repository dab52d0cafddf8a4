/** A Markdown file of the docs, with its path from the repository root (forward slashes). */
export interface DocFile {
  readonly path: string;
  readonly text: string;
}

/** Something a docs check found: where, and what is wrong. */
export interface DocProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export const formatProblem = (p: DocProblem): string => `${p.file}:${p.line}: ${p.message}`;

/**
 * A fenced code block: its info string's first word, its code and the line its code starts on; `from` and `to` are
 * the lines of its fences (all 1-based).
 */
export interface FencedBlock {
  readonly lang: string;
  readonly code: string;
  readonly line: number;
  readonly from: number;
  readonly to: number;
}

const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)/;

export function fencedBlocks(text: string): FencedBlock[] {
  const lines = text.split('\n');
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, lang] = open as unknown as [string, string, string, string];
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    const code: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !close.test(lines[j]!); j += 1) code.push(stripIndent(lines[j]!, indent.length));
    blocks.push({ lang: lang.toLowerCase(), code: code.join('\n'), line: i + 2, from: i + 1, to: j + 1 });
    i = j;
  }
  return blocks;
}

function stripIndent(line: string, width: number): string {
  let n = 0;
  while (n < width && line[n] === ' ') n += 1;
  return line.slice(n);
}

/** The text with fenced blocks and inline code blanked out (line numbers kept): what a reader sees as prose. */
export function prose(text: string): string {
  const lines = text.split('\n');
  for (const block of fencedBlocks(text))
    for (let k = block.from - 1; k < Math.min(block.to, lines.length); k += 1) lines[k] = '';
  return lines.map((line) => line.replace(/(`+)(?:(?!\1).)+?\1/g, (m) => ' '.repeat(m.length))).join('\n');
}

/** A link or image target in the prose, with its line. */
export interface LinkRef {
  readonly target: string;
  readonly line: number;
}

export function linksIn(text: string): LinkRef[] {
  const found: LinkRef[] = [];
  prose(text)
    .split('\n')
    .forEach((line, index) => {
      for (const m of line.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
        found.push({ target: m[1]!, line: index + 1 });
      const definition = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/.exec(line);
      if (definition) found.push({ target: definition[1]!, line: index + 1 });
    });
  return found;
}

/** GitHub's anchors for the file's headings (`#my-heading`, then `#my-heading-1` for a repeat). */
export function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const blanked = prose(text).split('\n');
  text.split('\n').forEach((line, index) => {
    if (!/^ {0,3}#{1,6}\s/.test(blanked[index]!)) return;
    const title = line
      .replace(/^ {0,3}#{1,6}\s+/, '')
      .replace(/\s+#+\s*$/, '')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/`/g, '');
    const slug = title
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const repeat = seen.get(slug) ?? 0;
    seen.set(slug, repeat + 1);
    anchors.add(repeat === 0 ? slug : `${slug}-${repeat}`);
  });
  return anchors;
}
