import { codePoints, manyLines, oneLine } from '@lookbook/kernel';
import { CatalogErrors } from '../catalog.errors';

/**
 * Input normalisation shared by create and update: the kernel's text rules give each field its shape (one line or
 * several; INVALID_TEXT naming the field), then the catalog's own bounds apply, or a typed error is thrown.
 */
export function normaliseName(name: string): string {
  const value = oneLine(name, 'name');
  if (value.length < 1 || codePoints(value) > 120) throw CatalogErrors.invalidName();
  return value;
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

export function normaliseSlug(slug: string): string {
  const value = slug.trim();
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) || value.length > 80) throw CatalogErrors.invalidSlug();
  return value;
}

export function normaliseDescription(text: string): string {
  const value = manyLines(text, 'description');
  if (value.length > 50_000) throw CatalogErrors.invalidDescription();
  return value;
}

export function normaliseTags(tags: readonly string[]): string[] {
  const cleaned = [...new Set(tags.map((t) => oneLine(t, 'tags').toLowerCase().replace(/\s+/g, ' ')))];
  if (cleaned.length > 20 || cleaned.some((t) => t.length < 1 || codePoints(t) > 40)) throw CatalogErrors.invalidTags();
  return cleaned;
}

export function normaliseTriggerWords(words: readonly string[]): string[] {
  const cleaned = [...new Set(words.map((w) => oneLine(w, 'triggerWords')))];
  if (cleaned.length > 50 || cleaned.some((w) => w.length < 1 || codePoints(w) > 100))
    throw CatalogErrors.invalidTriggerWords();
  return cleaned;
}

export function normaliseVersionName(name: string): string {
  const value = oneLine(name, 'name');
  if (value.length < 1 || codePoints(value) > 80) throw CatalogErrors.invalidVersionName();
  return value;
}

export function normaliseChangelog(text: string): string {
  const value = manyLines(text, 'changelog');
  if (value.length > 20_000) throw CatalogErrors.invalidChangelog();
  return value;
}

/** A base model's display fields (admins): one line each, 1–80 characters. */
export function normaliseLabel(text: string, field: string): string {
  const value = oneLine(text, field);
  if (value.length < 1 || codePoints(value) > 80) throw CatalogErrors.invalidLabel(field);
  return value;
}

/** Recommended settings are a small flat map (sampler, steps, cfg, weight, …): nothing nested, nothing large. */
export function normaliseSettings(settings: Record<string, unknown>): Record<string, string | number | boolean> {
  const entries = Object.entries(settings);
  if (entries.length > 30) throw CatalogErrors.invalidSettings();
  const out: Record<string, string | number | boolean> = {};
  for (const [key, raw] of entries) {
    const value = typeof raw === 'string' ? oneLine(raw, `recommendedSettings.${key}`) : raw;
    const ok =
      /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(key) &&
      ((typeof value === 'string' && codePoints(value) <= 200) ||
        (typeof value === 'number' && Number.isFinite(value)) ||
        typeof value === 'boolean');
    if (!ok) throw CatalogErrors.invalidSettings();
    out[key] = value;
  }
  return out;
}

/** A link to a licence or a publisher's page: https only, no spaces, at most 500 characters. */
export function normaliseLicenseUrl(value: string, field: string): string {
  const url = value.trim();
  let parsed: URL | null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || parsed.protocol !== 'https:' || /\s/.test(url) || url.length > 500)
    throw CatalogErrors.invalidUrl(field);
  return url;
}

/** A short note on a licence's conditions: one line, 1–300 characters. */
export function normaliseConditions(value: string, field: string): string {
  const text = oneLine(value, field);
  if (text.length < 1 || codePoints(text) > 300) throw CatalogErrors.invalidConditions(field);
  return text;
}
