/** The one command that rewrites the snapshots (and what a failing check tells you to run). */
export const SYNC_COMMAND = 'npm run sql:sync';

/** Lines of a diff shown at most per file, so a large drift stays readable. */
const MAX_LINES = 80;

/**
 * What differs between the committed snapshots and the generated ones, as a message that says what to run; empty
 * when they agree. Files only generated are new, files only committed are stale (their class or cases are gone).
 */
export function snapshotDrift(committed: ReadonlyMap<string, string>, generated: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  for (const path of [...new Set([...committed.keys(), ...generated.keys()])].sort()) {
    const before = committed.get(path);
    const after = generated.get(path);
    if (before === after) continue;
    if (before === undefined) parts.push(`${path}: new, not committed yet`);
    else if (after === undefined) parts.push(`${path}: stale (no class or cases generate it any more)`);
    else parts.push(`${path}:\n${lineDiff(before, after)}`);
  }
  if (!parts.length) return '';
  return (
    `The committed SQL snapshots differ from the SQL the repositories send now. Review the change, then run ` +
    `\`${SYNC_COMMAND}\` and commit the files.\n\n${parts.join('\n\n')}`
  );
}

/** A unified-style diff (`-` committed, `+` generated) with two lines of context around each change. */
export function lineDiff(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence table, from the ends.
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: { kind: ' ' | '-' | '+'; line: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i]! });
      i += 1;
      j += 1;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      ops.push({ kind: '-', line: a[i]! });
      i += 1;
    } else {
      ops.push({ kind: '+', line: b[j]! });
      j += 1;
    }
  }
  const near = ops.map((_, k) => ops.slice(Math.max(0, k - 2), k + 3).some((op) => op.kind !== ' '));
  const out: string[] = [];
  let skipped = false;
  ops.forEach((op, k) => {
    if (!near[k]) {
      if (!skipped) out.push('  …');
      skipped = true;
      return;
    }
    skipped = false;
    out.push(`${op.kind} ${op.line}`);
  });
  return out.length > MAX_LINES
    ? [...out.slice(0, MAX_LINES), `  … ${out.length - MAX_LINES} more lines`].join('\n')
    : out.join('\n');
}
