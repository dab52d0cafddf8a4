import { CatalogErrors } from '../catalog.errors';

/** Input normalisation shared by create and update: trims, bounds and canonicalises, or throws a typed error. */
export function normaliseName(name: string): string {
  const value = name.trim();
  if (value.length < 1 || [...value].length > 120) throw CatalogErrors.invalidName();
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
  if (text.length > 50_000) throw CatalogErrors.invalidDescription();
  return text;
}

export function normaliseTags(tags: readonly string[]): string[] {
  const cleaned = [...new Set(tags.map((t) => t.trim().toLowerCase().replace(/\s+/g, ' ')))];
  if (cleaned.length > 20 || cleaned.some((t) => t.length < 1 || t.length > 40)) throw CatalogErrors.invalidTags();
  return cleaned;
}

export function normaliseTriggerWords(words: readonly string[]): string[] {
  const cleaned = [...new Set(words.map((w) => w.trim()))];
  if (cleaned.length > 50 || cleaned.some((w) => w.length < 1 || w.length > 100))
    throw CatalogErrors.invalidTriggerWords();
  return cleaned;
}

/** Recommended settings are a small flat map (sampler, steps, cfg, weight, …): nothing nested, nothing large. */
export function normaliseSettings(settings: Record<string, unknown>): Record<string, string | number | boolean> {
  const entries = Object.entries(settings);
  if (entries.length > 30) throw CatalogErrors.invalidSettings();
  for (const [key, value] of entries) {
    const ok =
      /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(key) &&
      ((typeof value === 'string' && value.length <= 200) ||
        (typeof value === 'number' && Number.isFinite(value)) ||
        typeof value === 'boolean');
    if (!ok) throw CatalogErrors.invalidSettings();
  }
  return settings as Record<string, string | number | boolean>;
}
