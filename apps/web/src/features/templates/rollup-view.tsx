import { Link } from '@tanstack/react-router';
import type { BadgeTone } from '@lookbook/web-ui';
import { Badge, Notice } from '@lookbook/web-ui';
import type { TemplateRollupQuery } from '../../gql/graphql';
import { formatMoney } from '../../lib/format';
import { LicenseAllMissing } from './license-all-missing';

export type Rollup = TemplateRollupQuery['templateVersion']['licenseRollup'];

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  OWN: { label: 'Yours', tone: 'good' },
  HELD: { label: 'Covered', tone: 'good' },
  CLAIMABLE: { label: 'Free to claim', tone: 'warn' },
  AVAILABLE: { label: 'Licence needed', tone: 'warn' },
  NOT_OFFERED: { label: 'Not covered', tone: 'bad' },
  UNKNOWN: { label: 'Unknown file', tone: 'neutral' },
  UNUSED: { label: 'Not used', tone: 'neutral' },
};

const VERDICT: Record<string, { tone: 'good' | 'bad' | 'warn'; text: (purpose: string) => string }> = {
  COVERED: { tone: 'good', text: (p) => `${p} use is covered.` },
  NOT_COVERED: { tone: 'bad', text: (p) => `${p} use is not covered yet.` },
  UNVERIFIED: {
    tone: 'warn',
    text: (p) => `${p} use is covered for everything we know; some files are not ours to check.`,
  },
};

/** A licence roll-up: the verdict for the purpose, then one row per dependency with what to do about it. */
export function RollupView({ rollup, signedIn }: { rollup: Rollup; signedIn: boolean }) {
  const purpose = rollup.purpose === 'COMMERCIAL' ? 'Commercial' : 'Personal';
  const verdict = VERDICT[rollup.verdict]!;
  return (
    <div className="flex flex-col gap-3" data-testid="license-rollup">
      <Notice tone={verdict.tone}>
        <strong data-testid="rollup-verdict">{verdict.text(purpose)}</strong>
        {rollup.verdict !== 'COVERED' && (
          <ul className="mt-1 list-disc pl-5">
            {rollup.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
        {!signedIn && <p className="mt-1">Sign in to see which of these you already hold.</p>}
      </Notice>
      <LicenseAllMissing lines={rollup.lines} signedIn={signedIn} />
      {rollup.lines.length === 0 ? (
        <p className="text-sm text-muted">This workflow loads no model files.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line rounded-lg border border-line text-sm">
          {rollup.lines.map((line, i) => {
            const status = STATUS[line.status] ?? { label: line.status, tone: 'neutral' as const };
            return (
              <li
                key={`${line.slot ?? 'self'}-${i}`}
                className="flex flex-wrap items-center gap-3 p-3"
                data-testid="rollup-line"
              >
                <Badge tone={status.tone}>{status.label}</Badge>
                <span className="min-w-0 flex-1">
                  <span className="font-medium [overflow-wrap:anywhere]">{line.name}</span>{' '}
                  <span className="text-muted">· {line.kind}</span>
                  {line.resolved && (
                    <>
                      {' · '}
                      <Link to="/models/$id" params={{ id: line.resolved.modelId }} className="text-accent underline">
                        {line.resolved.modelName} — {line.resolved.versionName}
                      </Link>
                    </>
                  )}
                  {line.reason && <span className="block text-muted">{line.reason}</span>}
                </span>
                {line.offer && line.resolved && (
                  <Link
                    to="/models/$id"
                    params={{ id: line.resolved.modelId }}
                    className="text-sm font-medium text-accent underline"
                  >
                    License it ·{' '}
                    {line.offer.tier === 'FREE'
                      ? 'free'
                      : formatMoney(line.offer.priceAmount, line.offer.priceCurrency)}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
