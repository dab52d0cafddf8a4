import { Badge, Card, Detail, SectionHeading, Stack, Text, TextLink } from '@lookbook/web-ui';
import type { ImageSource } from '../../../components/responsive-image';
import { ResponsiveImage } from '../../../components/responsive-image';
import type { Lineage, Terms, Version } from '../api/template-view';
import { explainTerms } from '../explain-terms';

export function Lockfile({ version }: { version: Version }) {
  const { nodes, models } = version.lockfile;
  return (
    <Card>
      <SectionHeading>What it needs</SectionHeading>
      {models.length === 0 && nodes.length === 0 ? (
        <Text>No models or custom nodes were detected.</Text>
      ) : (
        <dl data-testid="lockfile">
          {models.map((m) => (
            <Detail key={m.folder + m.name} term={m.kind.replace(/_/g, ' ')}>
              <span className="font-mono text-xs break-all">{m.name}</span>
              {m.unused && <Badge className="ml-2">unused (strength 0)</Badge>}
              {m.sha256 && (
                <Text as="span" size="xs" className="ml-2 font-mono">
                  {m.sha256.slice(0, 10)}
                </Text>
              )}
            </Detail>
          ))}
          {nodes.map((n) => (
            <Detail key={n.id} term="node pack">
              {n.id}{' '}
              {n.version && (
                <Text as="span" size="inherit">
                  {n.version}
                </Text>
              )}
            </Detail>
          ))}
        </dl>
      )}
    </Card>
  );
}

/** The IP owner's terms, said plainly. */
export function TermsCard({ terms }: { terms: Terms }) {
  return (
    <Card>
      <SectionHeading>Remix terms</SectionHeading>
      <ul className="list-disc pl-5 text-sm text-ink" data-testid="remix-terms">
        {explainTerms(terms, 'fan').map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </Card>
  );
}

export function LineageCard({ lineage }: { lineage: Lineage }) {
  if (!lineage.ancestors.length && !lineage.descendants.length) return null;
  return (
    <Card>
      <SectionHeading>Remix tree</SectionHeading>
      <Stack as="ul" gap={1} className="text-sm" data-testid="remix-tree">
        {lineage.ancestors.map((e) => (
          <li key={`up-${e.parentId}`}>
            Remixes{' '}
            <TextLink to="/templates/$id" params={{ id: e.parentId }}>
              its parent
            </TextLink>{' '}
            ({e.shareBps / 100}% of sales to it, {e.status.toLowerCase()})
          </li>
        ))}
        {lineage.descendants.map((e) => (
          <li key={`down-${e.childId}`}>
            <TextLink to="/templates/$id" params={{ id: e.childId }}>
              A remix
            </TextLink>{' '}
            ({e.depth === 1 ? 'direct' : `${e.depth} generations down`}, {e.status.toLowerCase()})
          </li>
        ))}
      </Stack>
    </Card>
  );
}

/** The version's sample images: what the workflow makes (the first is the one it was imported from). */
export function TemplateSamples({ images, name }: { images: readonly ({ id: string } & ImageSource)[]; name: string }) {
  return (
    <section
      aria-label="Sample images"
      className="flex gap-3 overflow-x-auto focus-visible:outline-2 focus-visible:outline-accent"
      data-testid="template-samples"
      // Scrollable: reachable by keyboard.
      tabIndex={0}
    >
      {images.map((image, i) => (
        <div
          key={image.id}
          className="h-64 max-w-full shrink-0 overflow-hidden rounded-card border border-line bg-raised sm:h-80"
        >
          <ResponsiveImage
            image={image}
            alt={`Sample image ${i + 1} for ${name}`}
            sizes="(max-width: 640px) 100vw, 60vw"
            priority={i === 0}
            fit="contain"
            className="h-full w-auto"
          />
        </div>
      ))}
    </section>
  );
}
