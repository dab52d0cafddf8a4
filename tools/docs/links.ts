import { posix } from 'node:path';
import type { DocFile, DocProblem } from './markdown';
import { headingAnchors, linksIn } from './markdown';

/** What the link check may ask of the repository (paths from its root, forward slashes). */
export interface Repository {
  exists(path: string): boolean;
  /** The text of a Markdown file, for its anchors; undefined when it is not one. */
  read(path: string): string | undefined;
}

/**
 * Every relative link of the docs resolves: the file or folder exists inside the repository and, for `file.md#part`
 * or `#part`, the heading exists. Links with a scheme (https:, mailto:) are not followed. `pending` lists pages that
 * other work adds (path → why): links to them pass while they are missing, and each entry is a problem once its page
 * exists, so the list only shrinks.
 */
export function checkLinks(
  files: readonly DocFile[],
  repository: Repository,
  pending: Readonly<Record<string, string>> = {},
): DocProblem[] {
  const problems: DocProblem[] = [];
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const exists = (path: string) => texts.has(path) || repository.exists(path);
  const anchors = new Map<string, Set<string>>();
  const anchorsOf = (path: string) => {
    if (!anchors.has(path)) anchors.set(path, headingAnchors(texts.get(path) ?? repository.read(path) ?? ''));
    return anchors.get(path)!;
  };
  for (const file of files)
    for (const { target, line } of linksIn(file.text)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const fail = (message: string) => problems.push({ file: file.path, line, message });
      const [rawPath = '', anchor] = target.split('#', 2);
      const path = decodeURIComponent(rawPath);
      const resolved =
        path === ''
          ? file.path
          : posix.normalize(path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(file.path), path));
      if (resolved.startsWith('../') || resolved === '..') {
        fail(`link to ${target} leaves the repository`);
        continue;
      }
      const clean = resolved.replace(/\/$/, '');
      if (!exists(clean)) {
        if (!(clean in pending)) fail(`broken link: ${target} (no ${clean})`);
        continue;
      }
      if (anchor !== undefined && clean.endsWith('.md') && !anchorsOf(clean).has(anchor.toLowerCase()))
        fail(`broken link: ${target} (no heading #${anchor} in ${clean})`);
    }
  for (const path of Object.keys(pending))
    if (exists(path))
      problems.push({
        file: path,
        line: 1,
        message: 'exists now: remove it from the pending links (tools/docs/pending-links.ts)',
      });
  return problems;
}
