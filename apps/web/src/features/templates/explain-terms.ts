/** Remix terms as the API gives them (and as the IP console edits them). */
export interface TermsShape {
  remixAllowed: boolean;
  changeableSlots: string[] | null;
  allowedUses: string[];
  attribution: string[];
  ipShareBps: number;
  maxMaturity: string;
  requiredTags: string[];
  approval: string;
}

const MATURITY: Record<string, string> = {
  SFW: 'safe for work',
  SUGGESTIVE: 'suggestive',
  MATURE: 'mature',
  EXPLICIT: 'explicit',
};
const percent = (bps: number) => `${(bps / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/**
 * What fans may do under these terms, in plain sentences: to the IP owner editing them (the console's live
 * explanation), or to anyone reading a template's terms.
 */
export function explainTerms(terms: TermsShape, reader: 'owner' | 'fan' = 'owner'): string[] {
  const owner = reader === 'owner';
  if (!terms.remixAllowed) return ['Fans may not remix this template.'];
  const uses = terms.allowedUses.map((u) => u.toLowerCase());
  return [
    terms.changeableSlots === null
      ? 'Fans may remix it and change every parameter.'
      : terms.changeableSlots.length
        ? `Fans may remix it, changing only ${list(terms.changeableSlots)}; everything else stays as you set it.`
        : 'Fans may remix it, but may not change any parameter.',
    uses.length ? `Remixes may be used for ${list(uses)} purposes.` : 'Remixes may not be used at all.',
    !terms.allowedUses.includes('COMMERCIAL')
      ? 'Remixes cannot be sold: commercial use is not allowed.'
      : terms.ipShareBps === 0
        ? // No share: a template its IP owner unbound (or one that asks none).
          owner
          ? 'You receive no share of remix sales.'
          : 'No share of remix sales goes to an IP owner.'
        : `${owner ? 'You receive' : 'The IP owner receives'} ${percent(terms.ipShareBps)} of every sale of a remix (after the platform fee), however deep the remix.`,
    `Remixes are rated at most ${MATURITY[terms.maxMaturity] ?? terms.maxMaturity.toLowerCase()}.`,
    ...(terms.requiredTags.length ? [`Every remix carries ${list(terms.requiredTags.map((t) => `#${t}`))}.`] : []),
    ...terms.attribution.map((line) => `Every remix credits “${line}”.`),
    terms.approval === 'MANUAL'
      ? `${owner ? 'You approve' : 'The IP owner approves'} each remix before it can be published.`
      : `Remixes are published without waiting for ${owner ? 'you' : 'approval'}.`,
    'Remixes can tighten these terms for their own fans, never loosen them.',
  ];
}
