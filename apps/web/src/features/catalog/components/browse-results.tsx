import { Section, Stack, Text, TextButton } from '@lookbook/web-ui';
import { Link } from '@tanstack/react-router';
import type { BrowseSearch } from '../../../api/search';

/** An active filter, shown as a removable chip. */
export interface Chip {
  key: string;
  label: string;
  remove: Partial<BrowseSearch>;
}

/** Creators whose handle or name matched the query. */
export function CreatorStrip({
  creators,
}: {
  creators: readonly { handle: string; name: string; models: number; templates: number }[];
}) {
  return (
    <Section title="Creators" headingId="creator-results" size="sm" tone="muted" gap={2} className="mb-5">
      <Stack as="ul" direction="row" gap={2}>
        {creators.map((c) => (
          <li key={c.handle}>
            <Link
              to="/u/$handle"
              params={{ handle: c.handle }}
              className="flex min-h-10 items-center gap-2 rounded-full border border-line bg-raised px-3 py-1 text-sm hover:border-accent focus-visible:outline-2 focus-visible:outline-accent"
              data-testid="creator-result"
            >
              <span className="font-medium">{c.name}</span>
              <Text as="span" size="inherit">
                @{c.handle}
              </Text>
              <span className="text-xs text-muted tabular-nums">
                {[
                  c.models && `${c.models} ${c.models === 1 ? 'model' : 'models'}`,
                  c.templates && `${c.templates} ${c.templates === 1 ? 'workflow' : 'workflows'}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </Link>
          </li>
        ))}
      </Stack>
    </Section>
  );
}

/** "No results" help: the corrected spelling, and each filter that could be relaxed. */
export function NoResultsHelp({
  didYouMean,
  chips,
  onSearch,
  onRemove,
}: {
  didYouMean: string | null;
  chips: Chip[];
  onSearch: (q: string) => void;
  onRemove: (patch: Partial<BrowseSearch>) => void;
}) {
  return (
    <span className="flex flex-col items-center gap-2">
      {didYouMean && (
        <span>
          Did you mean <TextButton onClick={() => onSearch(didYouMean)}>{didYouMean}</TextButton>?
        </span>
      )}
      {chips.length > 0 ? (
        <span>
          Try without{' '}
          {chips.slice(0, 3).map((chip, i) => (
            <span key={chip.key}>
              {i > 0 && ', '}
              <TextButton onClick={() => onRemove(chip.remove)}>{chip.label}</TextButton>
            </span>
          ))}
          .
        </span>
      ) : (
        !didYouMean && <span>Try fewer or different words.</span>
      )}
    </span>
  );
}
