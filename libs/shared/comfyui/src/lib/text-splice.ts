/** The text with these non-overlapping ranges (in order) replaced. */
export function splice(text: string, splices: readonly { start: number; end: number; text: string }[]): string {
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
