import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The files the house rules look at: repository-relative, `/`-separated paths and their text. */
export interface Workspace {
  /** Every file of the working tree that git would commit (tracked or new, not ignored), sorted. */
  readonly files: readonly string[];
  read(path: string): string;
}

/** The working tree at `root`, listed by git (so `node_modules`, `dist` and other ignored folders never count). */
export function diskWorkspace(root: string): Workspace {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const files = [...new Set(listed.split('\0'))].filter((path) => path && existsSync(join(root, path))).sort();
  const cache = new Map<string, string>();
  return {
    files,
    read(path) {
      let text = cache.get(path);
      if (text === undefined) {
        text = readFileSync(join(root, path), 'utf8');
        cache.set(path, text);
      }
      return text;
    },
  };
}

/** A fixture tree for the rules' tests: path → text. */
export function memoryWorkspace(tree: Record<string, string>): Workspace {
  return {
    files: Object.keys(tree).sort(),
    read(path) {
      const text = tree[path];
      if (text === undefined) throw new Error(`no file ${path} in the fixture tree`);
      return text;
    },
  };
}
