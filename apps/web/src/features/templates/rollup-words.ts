/** The statuses that stop a purpose until the viewer licenses something (or cannot). */
export const BLOCKING: readonly string[] = ['CLAIMABLE', 'AVAILABLE', 'NOT_OFFERED', 'NOT_ALLOWED'];

interface RollupFacts {
  verdict: string;
  purpose: string;
  lines: readonly { status: string }[];
}

const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

/**
 * A roll-up's verdict in words. Only COVERED may say "covered": what could not be checked is never presented as
 * covered, and a verdict that is not covered says how many files stop it.
 */
export function verdictWords(rollup: RollupFacts): { headline: string; summary: string } {
  const purpose = rollup.purpose === 'COMMERCIAL' ? 'Commercial use' : 'Personal use';
  const counted = rollup.lines.filter((l) => l.status !== 'UNUSED');
  const blocking = counted.filter((l) => BLOCKING.includes(l.status)).length;
  const unknown = counted.filter((l) => l.status === 'UNKNOWN').length;
  switch (rollup.verdict) {
    case 'COVERED':
      return {
        headline: `${purpose} is covered.`,
        summary: counted.length
          ? `Every one of the ${files(counted.length)} it uses is known and licensed for it.`
          : 'It uses no model files.',
      };
    case 'NOT_COVERED':
      return {
        headline: `${purpose} is not covered.`,
        summary:
          (blocking === counted.length
            ? blocking === 1
              ? 'The one file it uses stops it'
              : `All ${files(blocking)} it uses stop it`
            : `${blocking} of the ${files(counted.length)} it uses ${blocking === 1 ? 'stops' : 'stop'} it`) +
          (unknown ? `, and ${unknown} could not be checked.` : '.'),
      };
    default:
      return {
        headline: `${purpose} cannot be confirmed.`,
        summary:
          `${unknown} of ${files(counted.length)} could not be checked: we do not know ${unknown === 1 ? 'it' : 'them'}, ` +
          `so we cannot tell ${unknown === 1 ? 'its' : 'their'} licence.` +
          (counted.length - unknown === 1
            ? ' The other one checks out.'
            : counted.length > unknown
              ? ` The other ${counted.length - unknown} check out.`
              : ''),
      };
  }
}
