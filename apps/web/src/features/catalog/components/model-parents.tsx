import { Section, Stack, Text, TextLink } from '@lookbook/web-ui';
import { useQuery } from '@tanstack/react-query';
import { modelParentsQuery, RELATION } from '../../../api/model-parents';

/**
 * The models this one declares it derives from, and the share of each sale their authors receive: what a buyer's
 * money pays for, and where the look comes from. Nothing while loading or when there are none (most models).
 */
export function ModelParents({ modelId }: { modelId: string }) {
  const parents = useQuery(modelParentsQuery(modelId));
  const shown = (parents.data?.modelParents ?? []).filter((p) => p.parentModel);
  if (parents.isError) return <Text>Where this model comes from could not be loaded just now.</Text>;
  if (!shown.length) return null;
  return (
    <Section title="Derived from" headingId="derived-from" size="base" gap={2} data-testid="model-derived-from">
      <Stack as="ul" gap={1} className="text-sm">
        {shown.map((p) => (
          <li key={p.parentId}>
            {RELATION[p.relation] ?? 'Derived from'}{' '}
            <TextLink to="/models/$id" params={{ id: p.parentModel!.id }}>
              {p.parentModel!.name}
            </TextLink>
            <Text as="span" size="inherit">
              {p.parentModel!.owner && <> by {p.parentModel!.owner.displayName}</>} ·{' '}
              {(p.shareBps / 100).toLocaleString()} % of each sale goes to its author
            </Text>
          </li>
        ))}
      </Stack>
    </Section>
  );
}
