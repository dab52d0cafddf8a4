import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { INPUT, TextButton, cn } from '@lookbook/web-ui';
import { modelTypeLabel } from '../../../lib/format';
import type { BrowseSearch } from '../../../api/search';
import { tagValuesQuery } from '../api/queries';
import { useDebounced } from './search-box';

export interface FacetData {
  facet: string;
  values: readonly { value: string; count: number }[];
}

const countOf = (facets: readonly FacetData[], facet: string, value: string) =>
  facets.find((f) => f.facet === facet)?.values.find((v) => v.value === value)?.count ?? 0;

function Toggle({
  label,
  count,
  pressed,
  onPress,
  testId,
}: {
  label: string;
  count: number;
  pressed: boolean;
  onPress: () => void;
  testId?: string;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      disabled={!pressed && count === 0}
      onClick={onPress}
      data-testid={testId}
      className={cn(
        'flex min-h-8 w-full items-center justify-between gap-2 rounded-md px-2 py-1 text-left text-sm',
        'focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-50',
        pressed ? 'bg-accent-soft font-medium text-ink' : 'text-ink hover:bg-raised',
      )}
    >
      <span className="truncate">{label}</span>
      <span className="shrink-0 text-xs text-muted tabular-nums">{count}</span>
    </button>
  );
}

function Group({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-1">
      <h3 className="px-2 text-xs font-semibold tracking-wide text-muted uppercase">{title}</h3>
      {children}
    </section>
  );
}

/**
 * The facet panel: models or workflow templates, what the licence lets you do (no other marketplace filters on it),
 * then price, type, base model and tags, each with its count. A facet's own choice does not change its counts; the others narrow them.
 */
export function FacetPanel({
  facets,
  search,
  baseModelName,
  onChange,
}: {
  facets: readonly FacetData[];
  search: BrowseSearch;
  baseModelName: (id: string) => string;
  onChange: (patch: Partial<BrowseSearch>) => void;
}) {
  const values = (facet: string) => facets.find((f) => f.facet === facet)?.values ?? [];
  return (
    <div className="flex flex-col gap-5" data-testid="facet-panel">
      <Group title="Show">
        {(['model', 'template'] as const).map((kind) => (
          <Toggle
            key={kind}
            label={kind === 'model' ? 'Style models' : 'Workflow templates'}
            count={countOf(facets, 'KIND', kind.toUpperCase())}
            pressed={search.kind === kind}
            onPress={() => onChange({ kind: search.kind === kind ? undefined : kind })}
            testId={`facet-kind-${kind}`}
          />
        ))}
      </Group>
      <Group title="The licence lets you">
        <Toggle
          label="Use commercially"
          count={countOf(facets, 'COMMERCIAL_USE', 'true')}
          pressed={!!search.commercial}
          onPress={() => onChange({ commercial: search.commercial ? undefined : true })}
          testId="facet-commercial"
        />
        <Toggle
          label="Make derivatives"
          count={countOf(facets, 'DERIVATIVES_ALLOWED', 'true')}
          pressed={!!search.derivatives}
          onPress={() => onChange({ derivatives: search.derivatives ? undefined : true })}
          testId="facet-derivatives"
        />
        <Toggle
          label="Skip the credit line"
          count={countOf(facets, 'CREDIT_REQUIRED', 'false')}
          pressed={!!search.nocredit}
          onPress={() => onChange({ nocredit: search.nocredit ? undefined : true })}
        />
      </Group>
      <Group title="Price">
        {(['free', 'paid'] as const).map((price) => (
          <Toggle
            key={price}
            label={price === 'free' ? 'Free to claim' : 'Paid licences'}
            count={countOf(facets, 'PRICE', price.toUpperCase())}
            pressed={search.price === price}
            onPress={() => onChange({ price: search.price === price ? undefined : price })}
          />
        ))}
      </Group>
      {values('TYPE').length > 0 && (
        <Group title="Type">
          {values('TYPE').map(({ value, count }) => (
            <Toggle
              key={value}
              label={modelTypeLabel(value)}
              count={count}
              pressed={search.type === value}
              onPress={() => onChange({ type: search.type === value ? undefined : (value as BrowseSearch['type']) })}
            />
          ))}
        </Group>
      )}
      {values('BASE_MODEL').length > 0 && (
        <Group title="Base model">
          {values('BASE_MODEL').map(({ value, count }) => (
            <Toggle
              key={value}
              label={baseModelName(value)}
              count={count}
              pressed={search.base === value}
              onPress={() => onChange({ base: search.base === value ? undefined : value })}
            />
          ))}
        </Group>
      )}
      <Group title="Tags">
        <TagFinder search={search} onChange={onChange} popular={values('TAG').slice(0, 12)} />
      </Group>
    </div>
  );
}

function TagRow({
  value,
  count,
  search,
  onChange,
}: {
  value: string;
  count: number;
  search: BrowseSearch;
  onChange: (patch: Partial<BrowseSearch>) => void;
}) {
  return (
    <div className="flex items-center gap-1">
      <Toggle
        label={`#${value}`}
        count={count}
        pressed={search.tag === value}
        onPress={() => onChange({ tag: search.tag === value ? undefined : value })}
      />
      <button
        type="button"
        className="min-h-8 min-w-8 shrink-0 rounded-md text-sm text-muted hover:bg-raised focus-visible:outline-2 focus-visible:outline-accent"
        aria-label={`Hide #${value}`}
        title={`Hide #${value}`}
        onClick={() => onChange({ not: [...new Set([...(search.not ?? []), value])] })}
      >
        −
      </button>
    </div>
  );
}

/** The most frequent tags, and a box to find any other tag within the current search (with its count). */
function TagFinder({
  search,
  onChange,
  popular,
}: {
  search: BrowseSearch;
  onChange: (patch: Partial<BrowseSearch>) => void;
  popular: readonly { value: string; count: number }[];
}) {
  const id = useId();
  const [text, setText] = useState('');
  const prefix = useDebounced(text.trim().toLowerCase(), 200);
  const found = useQuery(tagValuesQuery(search, prefix));
  const shown = prefix ? (found.data?.facetValues ?? []) : popular;
  return (
    <>
      <label htmlFor={id} className="sr-only">
        Find a tag
      </label>
      <input
        id={id}
        type="search"
        value={text}
        maxLength={40}
        placeholder="Find a tag"
        onChange={(event) => setText(event.target.value)}
        className={cn(INPUT, 'mb-1 min-h-8 py-1 text-sm')}
        data-testid="tag-finder"
      />
      {prefix && found.isPending ? (
        <p className="px-2 text-sm text-muted" role="status">
          Looking for tags…
        </p>
      ) : prefix && found.isError ? (
        <p className="px-2 text-sm text-bad" role="alert">
          Could not look up tags.{' '}
          <TextButton variant="plain" onClick={() => void found.refetch()}>
            Retry
          </TextButton>
        </p>
      ) : prefix && shown.length === 0 ? (
        <p className="px-2 text-sm text-muted">No tag starts with “{prefix}” here.</p>
      ) : (
        shown.map(({ value, count }) => (
          <TagRow key={value} value={value} count={count} search={search} onChange={onChange} />
        ))
      )}
    </>
  );
}
