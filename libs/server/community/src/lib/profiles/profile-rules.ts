import { codePoints, multiLine, singleLine } from '@lookbook/kernel';
import { CommunityErrors } from '../community.errors';
import type { ProfileLink } from './profile';
import { MAX_BIO, MAX_LINK_LABEL, MAX_LINKS, MAX_URL } from './profile';

/** A bio: multi-line text, at most 1,000 characters (empty clears it). Stored and always rendered as text. */
export function checkBio(bio: string): string {
  const text = multiLine(bio, 'bio', { max: Number.MAX_SAFE_INTEGER, optional: true });
  if (codePoints(text) > MAX_BIO) throw CommunityErrors.invalidBio(MAX_BIO);
  return text;
}

/**
 * Links: at most 5, each an absolute http(s) URL of at most 300 characters without credentials, no two alike; the
 * label defaults to the host. Anything else (javascript:, data:, relative, user:pass@) is refused, never rewritten.
 */
export function checkLinks(links: readonly { label?: string | null; url: string }[]): ProfileLink[] {
  if (links.length > MAX_LINKS) throw CommunityErrors.invalidLinks(`at most ${MAX_LINKS}`, MAX_LINKS);
  const seen = new Set<string>();
  return links.map((link, i) => {
    const raw = singleLine(link.url, `links.${i}.url`, { max: MAX_URL });
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw CommunityErrors.invalidLinks(`"${raw.slice(0, 60)}" is not an absolute URL`, MAX_LINKS);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw CommunityErrors.invalidLinks('only http and https links', MAX_LINKS);
    if (url.username || url.password) throw CommunityErrors.invalidLinks('no user names or passwords', MAX_LINKS);
    const href = url.toString();
    if (href.length > MAX_URL) throw CommunityErrors.invalidLinks(`at most ${MAX_URL} characters`, MAX_LINKS);
    if (seen.has(href)) throw CommunityErrors.invalidLinks('the same link twice', MAX_LINKS);
    seen.add(href);
    const label = link.label ? singleLine(link.label, `links.${i}.label`, { max: MAX_LINK_LABEL, optional: true }) : '';
    return { label: label || url.hostname, url: href };
  });
}
