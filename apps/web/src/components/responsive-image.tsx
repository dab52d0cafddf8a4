import { decode } from 'blurhash';
import { useMemo, useState } from 'react';
import { cn } from '@lookbook/web-ui';
import type { FragmentType } from '../gql';
import { graphql, readFragment } from '../gql';

/** An image with its renditions (smallest first) and its BlurHash: what `ResponsiveImage` draws. */
export const ImageFragment = graphql(`
  fragment Image on SampleImage {
    url
    width
    height
    placeholder
    thumbnails {
      url
      width
      height
    }
  }
`);

export type ImageSource = FragmentType<typeof ImageFragment>;

/** A BlurHash painted into a tiny canvas, as a data URL (computed once per image). */
function placeholderUrl(hash: string | null | undefined): string | null {
  if (!hash || typeof document === 'undefined') return null;
  try {
    const pixels = decode(hash, 16, 16);
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 16;
    const context = canvas.getContext('2d');
    if (!context) return null;
    const data = context.createImageData(16, 16);
    data.data.set(pixels);
    context.putImageData(data, 0, 0);
    return canvas.toDataURL();
  } catch {
    return null;
  }
}

export interface ResponsiveImageProps {
  image: ImageSource;
  alt: string;
  /** The `sizes` attribute: how wide the image is drawn at each viewport width. */
  sizes: string;
  className?: string;
  /** Above the fold: load eagerly with high priority (the first cards, the model's cover). */
  priority?: boolean;
  fit?: 'cover' | 'contain';
}

/** An image from stable URLs with a `srcset` of its renditions, over its BlurHash until the bytes arrive. */
export function ResponsiveImage({
  image: masked,
  alt,
  sizes,
  className,
  priority,
  fit = 'cover',
}: ResponsiveImageProps) {
  const image = readFragment(ImageFragment, masked);
  const placeholder = useMemo(() => placeholderUrl(image.placeholder), [image.placeholder]);
  const [loaded, setLoaded] = useState(false);
  const smallest = image.thumbnails[0]?.url ?? image.url;
  return (
    <img
      alt={alt}
      src={smallest}
      srcSet={image.thumbnails.length ? image.thumbnails.map((t) => `${t.url} ${t.width}w`).join(', ') : undefined}
      sizes={sizes}
      width={image.width}
      height={image.height}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : 'auto'}
      decoding="async"
      onLoad={() => setLoaded(true)}
      className={cn('h-full w-full bg-raised', fit === 'cover' ? 'object-cover' : 'object-contain', className)}
      style={
        placeholder && !loaded
          ? { backgroundImage: `url(${placeholder})`, backgroundSize: 'cover', backgroundPosition: 'center' }
          : undefined
      }
    />
  );
}
