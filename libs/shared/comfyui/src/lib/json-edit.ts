import type { Json, JsonObject, JsonLocation, JsonPath } from './json';
import { isObject, jsonPathText, locateJson, parseJson, stringifyJson } from './json';
import { splice } from './text-splice';

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
