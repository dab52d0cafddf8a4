import YetAnotherLightbox from 'yet-another-react-lightbox';
import 'yet-another-react-lightbox/styles.css';
import type { ImageSource } from '../../../components/responsive-image';
import { ImageFragment } from '../../../components/responsive-image';
import { readFragment } from '../../../gql';

export interface LightboxProps {
  images: readonly ImageSource[];
  index: number;
  onClose: () => void;
  onView: (index: number) => void;
}

/** Full-screen viewer with keyboard and swipe navigation; serves the rendition that fits the screen. */
export default function Lightbox({ images, index, onClose, onView }: LightboxProps) {
  return (
    <YetAnotherLightbox
      open
      close={onClose}
      index={index}
      on={{ view: ({ index: viewed }) => onView(viewed) }}
      slides={readFragment(ImageFragment, images).map((image) => ({
        src: image.url,
        width: image.width,
        height: image.height,
        srcSet: image.thumbnails.map((t) => ({ src: t.url, width: t.width, height: t.height })),
      }))}
    />
  );
}
