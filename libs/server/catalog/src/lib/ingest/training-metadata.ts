/**
 * Structured fields from safetensors `__metadata__`: kohya-ss (`ss_*`) training metadata and the ModelSpec
 * (`modelspec.*`) keys. Values are untrusted strings written by whoever trained the file: parse defensively, keep
 * lengths bounded, never evaluate anything.
 */
export interface TrainingMetadata {
  trainer: 'kohya-ss' | null;
  architecture: string | null;
  title: string | null;
  baseModel: string | null;
  baseModelVersion: string | null;
  networkModule: string | null;
  networkDim: number | null;
  networkAlpha: number | null;
  resolution: string | null;
  epochs: number | null;
  steps: number | null;
  trainImages: number | null;
  learningRate: number | null;
  triggerPhrase: string | null;
  /** Most frequent training tags, highest first (kohya `ss_tag_frequency`, summed over datasets). */
  topTags: { tag: string; count: number }[];
}

const MAX_TEXT = 300;
const text = (value: string | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, MAX_TEXT) : null;
};
const number = (value: string | undefined): number | null => {
  if (value === undefined || value.trim() === '' || value === 'None') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
};

function topTags(raw: string | undefined, limit = 25): { tag: string; count: number }[] {
  if (!raw || raw.length > 5_000_000) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null) return [];
  const totals = new Map<string, number>();
  for (const dataset of Object.values(parsed as Record<string, unknown>)) {
    if (typeof dataset !== 'object' || dataset === null) continue;
    for (const [tag, count] of Object.entries(dataset as Record<string, unknown>)) {
      if (typeof count !== 'number' || !Number.isFinite(count) || count <= 0) continue;
      const key = tag.trim().slice(0, 100);
      if (key) totals.set(key, (totals.get(key) ?? 0) + count);
    }
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([tag, count]) => ({ tag, count }));
}

export function extractTrainingMetadata(metadata: Record<string, string> | null): TrainingMetadata {
  const m = metadata ?? {};
  const isKohya = Object.keys(m).some((key) => key.startsWith('ss_'));
  return {
    trainer: isKohya ? 'kohya-ss' : null,
    architecture: text(m['modelspec.architecture']),
    title: text(m['modelspec.title'] ?? m['ss_output_name']),
    baseModel: text(m['ss_sd_model_name'] ?? m['ss_base_model']),
    baseModelVersion: text(m['ss_base_model_version']),
    networkModule: text(m['ss_network_module']),
    networkDim: number(m['ss_network_dim']),
    networkAlpha: number(m['ss_network_alpha']),
    resolution: text(m['modelspec.resolution'] ?? m['ss_resolution']),
    epochs: number(m['ss_num_epochs'] ?? m['ss_epoch']),
    steps: number(m['ss_max_train_steps'] ?? m['ss_steps']),
    trainImages: number(m['ss_num_train_images']),
    learningRate: number(m['ss_learning_rate'] ?? m['ss_unet_lr']),
    triggerPhrase: text(m['modelspec.trigger_phrase']),
    topTags: topTags(m['ss_tag_frequency']),
  };
}
