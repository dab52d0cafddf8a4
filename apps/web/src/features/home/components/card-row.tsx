import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ButtonLink, EmptyState, ErrorState, LoadingState } from '@lookbook/web-ui';
import type { SearchSort } from '../../../gql/graphql';
import { ModelCard } from '../../../components/model-card';
import { TemplateCard } from '../../../components/template-card';
import { errorMessage, isRetryable } from '../../../lib/api-error';
import { homeSectionQuery } from '../api/queries';

/** A home section: a heading, a link to the whole list in the browse page, and a row of cards with their counts. */
export function CardRow({
  id,
  title,
  subtitle,
  sort,
  empty,
}: {
  id: string;
  title: string;
  subtitle: ReactNode;
  sort: SearchSort;
  empty: string;
}) {
  const section = useQuery(homeSectionQuery(sort));
  const hits = section.data?.search.hits ?? [];
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3" data-testid={`home-${id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 id={`${id}-heading`} className="text-xl font-semibold tracking-tight text-ink">
            {title}
          </h2>
          <p className="text-sm text-muted">{subtitle}</p>
        </div>
        <ButtonLink to="/browse" search={{ sort }} size="sm" variant="secondary">
          See all
        </ButtonLink>
      </div>
      {section.isPending ? (
        <LoadingState label={`Loading ${title.toLowerCase()}…`} rows={2} />
      ) : section.isError ? (
        <ErrorState
          message={errorMessage(section.error)}
          onRetry={isRetryable(section.error) ? () => void section.refetch() : undefined}
        />
      ) : hits.length === 0 ? (
        <EmptyState title={empty} level={3} action={<ButtonLink to="/studio/new">Publish a model</ButtonLink>} />
      ) : (
        <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
          {hits.map((hit, i) =>
            hit.model ? (
              <ModelCard key={hit.model.id} model={hit.model} counts={hit.counts} price={hit.price} priority={i < 2} />
            ) : hit.template ? (
              <TemplateCard key={hit.template.id} template={hit.template} counts={hit.counts} price={hit.price} />
            ) : null,
          )}
        </div>
      )}
    </section>
  );
}
