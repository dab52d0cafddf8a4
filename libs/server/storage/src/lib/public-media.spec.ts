import { MEDIA_NAME, PUBLIC_MEDIA_PREFIX, PublicMedia } from './public-media';

describe('PublicMedia.keyFor', () => {
  const bytes = Buffer.from('the same picture');

  it('names bytes by their content, a name /media serves', () => {
    const key = PublicMedia.keyFor(bytes, 'png');
    expect(key).toBe(PublicMedia.keyFor(Buffer.from('the same picture'), 'png'));
    expect(key.startsWith(PUBLIC_MEDIA_PREFIX)).toBe(true);
    expect(MEDIA_NAME.test(key.slice(PUBLIC_MEDIA_PREFIX.length))).toBe(true);
    expect(PublicMedia.keyFor(Buffer.from('another picture'), 'png')).not.toBe(key);
  });

  it('keys the same bytes apart per namespace, so two domains never share a key', () => {
    const catalog = PublicMedia.keyFor(bytes, 'webp');
    const templates = PublicMedia.keyFor(bytes, 'webp', 'templates');
    expect(templates).not.toBe(catalog);
    expect(templates).toBe(PublicMedia.keyFor(bytes, 'webp', 'templates'));
    expect(MEDIA_NAME.test(templates.slice(PUBLIC_MEDIA_PREFIX.length))).toBe(true);
  });
});
