import type { BadgeTone, NoticeTone } from '@lookbook/web-ui';
import { Badge, Notice, Stack, Text, TextAnchor, TextLink } from '@lookbook/web-ui';
import type { TemplateRollupQuery } from '../../../gql/graphql';
import { formatMoney } from '../../../lib/format';
import { BLOCKING, verdictWords } from '../rollup-words';
import { LicenseAllMissing } from './license-all-missing';

export type Rollup = TemplateRollupQuery['templateVersion']['licenseRollup'];
type Line = Rollup['lines'][number];

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  OWN: { label: 'Yours', tone: 'good' },
  HELD: { label: 'Licence held', tone: 'good' },
  CLAIMABLE: { label: 'Free to claim', tone: 'warn' },
  AVAILABLE: { label: 'Licence needed', tone: 'warn' },
  NOT_OFFERED: { label: 'Not on sale', tone: 'bad' },
  OPEN_LICENSE: { label: 'Licence allows', tone: 'good' },
  NOT_ALLOWED: { label: 'Licence forbids', tone: 'bad' },
  UNKNOWN: { label: 'Not checked', tone: 'warn' },
  UNUSED: { label: 'Not used', tone: 'neutral' },
};
const TONE: Record<string, NoticeTone> = { COVERED: 'good', NOT_COVERED: 'bad', UNVERIFIED: 'warn' };

const licences = (n: number) => `${n} licence${n === 1 ? '' : 's'}`;

/** A line's reason, with the licence it names linked to the licence text (when it is published). */
function Reason({ line }: { line: Line }) {
  const licence = line.published?.license;
  const at = licence?.url ? line.reason.indexOf(licence.name) : -1;
  if (!licence?.url || at < 0) return <>{line.reason}</>;
  return (
    <>
      {line.reason.slice(0, at)}
      <TextAnchor href={licence.url} target="_blank" rel="noopener noreferrer">
        {licence.name}
      </TextAnchor>
      {line.reason.slice(at + licence.name.length)}
    </>
  );
}

/** What to do about a line that is missing: license it on its model page. */
function LineAction({ line }: { line: Line }) {
  if (line.offer && line.resolved)
    return (
      <TextLink
        to="/models/$id"
        params={{ id: line.resolved.modelId }}
        strong
        className="justify-self-end text-right text-sm sm:order-last"
      >
        License it ·{' '}
        {line.offer.tier === 'FREE' ? 'free' : formatMoney(line.offer.priceAmount, line.offer.priceCurrency)}
      </TextLink>
    );
  return null;
}

/** A licence roll-up: the verdict for the purpose, what stops it, then one row per dependency with what to do. */
export function RollupView({ rollup, signedIn }: { rollup: Rollup; signedIn: boolean }) {
  const { headline, summary } = verdictWords(rollup);
  const blocking = rollup.lines.filter((l) => BLOCKING.includes(l.status));
  const unknown = rollup.lines.filter((l) => l.status === 'UNKNOWN');
  return (
    <Stack data-testid="license-rollup">
      <Notice tone={TONE[rollup.verdict] ?? 'warn'}>
        <strong data-testid="rollup-verdict" className="block">
          {headline}
        </strong>
        <p data-testid="rollup-summary">{summary}</p>
        {blocking.length > 0 && (
          <div className="mt-2" data-testid="rollup-blockers">
            <p className="font-medium">What stops it</p>
            <ul className="list-disc pl-5">
              {blocking.map((line, i) => (
                <li key={`${line.slot ?? 'self'}-${i}`}>
                  <span className="font-medium">{line.name}</span>: <Reason line={line} />
                </li>
              ))}
            </ul>
          </div>
        )}
        {unknown.length > 0 && (
          <div className="mt-2" data-testid="rollup-unchecked">
            <p className="font-medium">Could not be checked</p>
            <ul className="list-disc pl-5">
              {unknown.map((line, i) => (
                <li key={`${line.slot ?? 'self'}-${i}`}>
                  <span className="font-medium">{line.name}</span>: {line.reason.replace(/^Not checked: /, '')}
                </li>
              ))}
            </ul>
          </div>
        )}
        {rollup.missingTotals.length > 0 && (
          <p className="mt-2" data-testid="rollup-missing">
            Licensing what is missing:{' '}
            {rollup.missingTotals
              .map((t) => `${formatMoney(t.amount, t.currency)} (${licences(t.licenses)})`)
              .join(' + ')}
          </p>
        )}
        {!signedIn && <p className="mt-2">Sign in to see which of these you already hold.</p>}
      </Notice>
      <LicenseAllMissing lines={rollup.lines} signedIn={signedIn} />
      {rollup.lines.length === 0 ? (
        <Text>This workflow loads no model files.</Text>
      ) : (
        <ul className="flex flex-col divide-y divide-line rounded-lg border border-line text-sm">
          {rollup.lines.map((line, i) => {
            const status = STATUS[line.status] ?? { label: line.status, tone: 'neutral' as const };
            return (
              <li
                key={`${line.slot ?? 'self'}-${i}`}
                // Phones: the status and what to do on one line, the file below at full width (three columns would
                // leave the name a few letters wide); wider: status, file, action in one row.
                className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-3 gap-y-2 p-3 sm:grid-cols-[auto_minmax(0,1fr)_auto]"
                data-testid="rollup-line"
                data-status={line.status}
              >
                <Badge tone={status.tone} className="justify-self-start">
                  {status.label}
                </Badge>
                <span className="order-last col-span-2 min-w-0 sm:order-none sm:col-span-1">
                  <span className="font-medium [overflow-wrap:anywhere]">{line.name}</span>{' '}
                  <Text as="span" size="inherit">
                    · {line.kind}
                  </Text>
                  {line.resolved && (
                    <>
                      {' · '}
                      <TextLink to="/models/$id" params={{ id: line.resolved.modelId }}>
                        {line.resolved.modelName} — {line.resolved.versionName}
                      </TextLink>
                    </>
                  )}
                  {line.published && <> · {line.published.title}</>}
                  {line.reason && (
                    <Text as="span" size="inherit" block>
                      <Reason line={line} />
                    </Text>
                  )}
                </span>
                <LineAction line={line} />
              </li>
            );
          })}
        </ul>
      )}
    </Stack>
  );
}
