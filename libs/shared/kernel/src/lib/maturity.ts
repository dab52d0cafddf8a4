/** Content maturity, mildest first: a model carries one; a viewer sees every level up to the one they chose. */
export const MATURITY_LEVELS = ['SFW', 'SUGGESTIVE', 'MATURE', 'EXPLICIT'] as const;
export type MaturityLevel = (typeof MATURITY_LEVELS)[number];

/** What a viewer who has not chosen sees (everyone signed out, every new account). */
export const DEFAULT_MAX_MATURITY: MaturityLevel = 'SUGGESTIVE';

/** Every level up to and including `max`. */
export const maturityUpTo = (max: MaturityLevel): MaturityLevel[] =>
  MATURITY_LEVELS.slice(0, MATURITY_LEVELS.indexOf(max) + 1);
