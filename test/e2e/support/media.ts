import request from 'supertest';
import type { TestApi } from './test-api';

/**
 * GETs a public media URL from the API itself (its `/media` route: the embedded default of MEDIA_PUBLIC_URL). URLs are
 * relative (`/media/…`) when PUBLIC_URL is not set, absolute under it when it is.
 */
export function getMedia(api: TestApi, url: string, headers: Record<string, string> = {}): Promise<request.Response> {
  const { pathname } = new URL(url, 'http://relative.invalid');
  if (!pathname.startsWith('/media/')) throw new Error(`not a public media URL: ${url}`);
  return request(api.server)
    .get(pathname)
    .set(headers)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

export async function mediaBytes(api: TestApi, url: string): Promise<Buffer> {
  const response = await getMedia(api, url);
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
  return response.body as Buffer;
}
