import { lazy, Suspense, useState } from 'react';
import { Detail, Stack, Text, TextLink } from '@lookbook/web-ui';
import type { FragmentType } from '../../../gql';
import { graphql, readFragment } from '../../../gql';
import type { GalleryFragment as GalleryFragmentData } from '../../../gql/graphql';
import { SaveButton } from '../../../components/collections/save-button';
import { ResponsiveImage } from '../../../components/responsive-image';

// The lightbox (and its CSS) loads when someone opens an image, not with the page.
const Lightbox = lazy(() => import('./lightbox'));

export const GalleryFragment = graphql(`
  fragment Gallery on ModelVersion {
    id
    sampleImages {
      id
      ...Image
      linkedVersionIds
      generation {
        tool
        prompt
        negativePrompt
        seed
        sampler
        scheduler
        steps
        cfgScale
        guidance
        width
        height
        resources {
          kind
          name
          hash
          weight
        }
      }
    }
  }
`);

/** A version's sample images: a grid that opens a lightbox, and each image's generation info. */
export function Gallery({
  version: masked,
  modelName,
}: {
  version: FragmentType<typeof GalleryFragment>;
  modelName: string;
}) {
  const version = readFragment(GalleryFragment, masked);
  const [open, setOpen] = useState<number | null>(null);
  const [selected, setSelected] = useState(0);
  const images = version.sampleImages;
  if (!images.length) return <Text>This version has no sample images yet.</Text>;
  const current = images[Math.min(selected, images.length - 1)]!;
  return (
    <section aria-labelledby="samples" className="flex flex-col gap-4">
      <h2 id="samples" className="sr-only">
        Sample images
      </h2>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {images.map((image, index) => (
          <button
            key={image.id}
            type="button"
            onClick={() => {
              setSelected(index);
              setOpen(index);
            }}
            onFocus={() => setSelected(index)}
            onMouseEnter={() => setSelected(index)}
            className="aspect-[4/5] overflow-hidden rounded-lg bg-raised focus-visible:outline-2 focus-visible:outline-accent"
            aria-label={`Open sample image ${index + 1} of ${images.length}`}
            data-testid="sample-image"
          >
            <ResponsiveImage
              image={image}
              alt={`${modelName}, sample ${index + 1}`}
              sizes="(max-width: 640px) 50vw, 280px"
              priority={index < 3}
            />
          </button>
        ))}
      </div>
      <SaveButton kind="IMAGE" itemId={current.id} name={`sample ${selected + 1}`} size="sm" />
      <GenerationInfo image={current} index={selected} />
      {open !== null && (
        <Suspense fallback={null}>
          <Lightbox images={images} index={open} onClose={() => setOpen(null)} onView={setSelected} />
        </Suspense>
      )}
    </section>
  );
}

type Image = GalleryFragmentData['sampleImages'][number];

function GenerationInfo({ image, index }: { image: Image; index: number }) {
  const g = image.generation;
  if (!g) return <Text>Sample {index + 1} carries no generation info.</Text>;
  const settings = [
    ['Seed', g.seed],
    ['Sampler', [g.sampler, g.scheduler].filter(Boolean).join(' · ')],
    ['Steps', g.steps],
    ['CFG', g.cfgScale],
    ['Guidance', g.guidance],
    ['Size', g.width && g.height ? `${g.width} × ${g.height}` : null],
  ].filter(([, value]) => value !== null && value !== undefined && value !== '');
  return (
    <div className="rounded-lg border border-line p-4" data-testid="generation-info">
      <h3 className="mb-2 text-sm font-semibold">
        Sample {index + 1}: how it was made <span className="font-normal text-muted">({g.tool})</span>
      </h3>
      <dl>
        {g.prompt && <Detail term="Prompt">{g.prompt}</Detail>}
        {g.negativePrompt && <Detail term="Negative prompt">{g.negativePrompt}</Detail>}
        {settings.map(([term, value]) => (
          <Detail key={String(term)} term={term}>
            {String(value)}
          </Detail>
        ))}
        {g.resources.length > 0 && (
          <Detail term="Resources">
            <Stack as="ul" gap={1}>
              {g.resources.map((r, i) => (
                <li key={i}>
                  {r.kind}: {r.name ?? r.hash ?? 'unnamed'}
                  {r.weight !== null && r.weight !== undefined ? ` (${r.weight})` : ''}
                </li>
              ))}
            </Stack>
          </Detail>
        )}
        {image.linkedVersionIds.length > 0 && (
          <Detail term="Credited on Lookbook">
            <Stack as="ul" direction="row" gap={2}>
              {image.linkedVersionIds.map((id) => (
                <li key={id}>
                  <TextLink to="/versions/$id" params={{ id }}>
                    View model
                  </TextLink>
                </li>
              ))}
            </Stack>
          </Detail>
        )}
      </dl>
    </div>
  );
}
