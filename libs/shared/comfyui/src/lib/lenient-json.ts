/**
 * JSON as Python's `json.dumps` writes it: standard JSON plus the bare tokens `NaN`, `Infinity` and `-Infinity`
 * (ComfyUI graphs carry them, e.g. a widget value that overflowed). They become `null` — outside strings only, so
 * a prompt that says "NaN" keeps saying it. Returns `undefined` for anything that is not JSON.
 */
export function parseLenientJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // fall through: maybe it only needs its non-finite numbers replaced
  }
  try {
    return JSON.parse(replaceNonFinite(text));
  } catch {
    return undefined;
  }
}

const NON_FINITE = ['-Infinity', 'Infinity', 'NaN'];

function replaceNonFinite(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[i + 1] ?? '';
        i += 1;
      } else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      continue;
    }
    const token = NON_FINITE.find((t) => text.startsWith(t, i));
    if (token) {
      out += 'null';
      i += token.length - 1;
      continue;
    }
    out += c;
  }
  return out;
}
