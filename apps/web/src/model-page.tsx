import { decode } from 'blurhash';
import { useEffect, useMemo, useState } from 'react';

/** What the model page shows; the full page (licences, checkout, reviews) comes with the web client. */
const MODEL_PAGE = `query ModelPage($id: UUID!) {
  styleModel(id: $id) {
    id name description
    owner { handle displayName }
    baseModel { name }
    versions {
      id name
      sampleImages { id width height url placeholder thumbnails { width height url } }
    }
  }
}`;

interface Thumbnail {
  width: number;
  height: number;
  url: string;
}
interface SampleImage {
  id: string;
  width: number;
  height: number;
  url: string;
  placeholder: string | null;
  thumbnails: Thumbnail[];
}
interface Model {
  name: string;
  description: string;
  owner: { handle: string; displayName: string } | null;
  baseModel: { name: string };
  versions: { id: string; name: string; sampleImages: SampleImage[] }[];
}

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; model: Model };

export function ModelPage({ id }: { id: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: MODEL_PAGE, variables: { id } }),
    })
      .then((response) => response.json() as Promise<{ data?: { styleModel: Model }; errors?: { message: string }[] }>)
      .then((body) =>
        setState(
          body.data
            ? { kind: 'ready', model: body.data.styleModel }
            : { kind: 'error', message: body.errors?.[0]?.message ?? 'Something went wrong' },
        ),
      )
      .catch(() => setState({ kind: 'error', message: 'The server could not be reached. Try again in a moment.' }));
  }, [id]);

  if (state.kind === 'loading') return <p data-testid="model-loading">Loading…</p>;
  if (state.kind === 'error') return <p data-testid="model-error">{state.message}</p>;
  const { model } = state;
  const images = model.versions.flatMap((v) => v.sampleImages);
  return (
    <article data-testid="model-page">
      <h2>{model.name}</h2>
      <p>
        by {model.owner?.displayName ?? 'a former member'} · {model.baseModel.name}
      </p>
      <p>{model.description}</p>
      {images.length === 0 ? (
        <p data-testid="model-no-images">No sample images yet.</p>
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 8 }}>
          {images.map((image) => (
            <Sample key={image.id} image={image} />
          ))}
        </div>
      )}
    </article>
  );
}

/** A responsive image from stable, immutable URLs, over its BlurHash until it arrives. */
function Sample({ image }: { image: SampleImage }) {
  const placeholder = useMemo(() => placeholderUrl(image.placeholder), [image.placeholder]);
  return (
    <img
      alt=""
      data-testid="sample-image"
      src={image.thumbnails[0]?.url ?? image.url}
      srcSet={image.thumbnails.map((t) => `${t.url} ${t.width}w`).join(', ')}
      sizes="(max-width: 640px) 100vw, 320px"
      width={image.width}
      height={image.height}
      loading="lazy"
      decoding="async"
      style={{
        width: '100%',
        height: 'auto',
        backgroundImage: placeholder ? `url(${placeholder})` : undefined,
        backgroundSize: 'cover',
      }}
    />
  );
}

function placeholderUrl(hash: string | null): string | null {
  if (!hash) return null;
  try {
    const pixels = decode(hash, 32, 32);
    const canvas = document.createElement('canvas');
    canvas.width = 32;
    canvas.height = 32;
    const context = canvas.getContext('2d');
    if (!context) return null;
    const image = context.createImageData(32, 32);
    image.data.set(pixels);
    context.putImageData(image, 0, 0);
    return canvas.toDataURL();
  } catch {
    return null;
  }
}
