import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/**
 * Comment text → a small safe node tree. `markdown-it` parses with raw HTML off and only the rules of the subset on
 * (paragraphs, emphasis, strong, inline code, code blocks, links, lists, blockquotes, line breaks); its tokens become
 * nodes of the types below and nothing else. Every string is text (the client renders it as React text children, so
 * it is escaped); a link keeps only an absolute http(s) `href`. The tree is built on write, stored with the comment,
 * and `checkTree` is the last gate before it is stored or sent: anything outside the allow-list is refused.
 */
export const BLOCK_TYPES = [
  'paragraph',
  'blockquote',
  'bullet_list',
  'ordered_list',
  'list_item',
  'code_block',
] as const;
export const INLINE_TYPES = ['text', 'em', 'strong', 'code', 'link', 'mention', 'break'] as const;
export const NODE_TYPES = ['doc', ...BLOCK_TYPES, ...INLINE_TYPES] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export interface SafeNode {
  type: NodeType;
  /** text, code, code_block: the characters; mention: the handle without `@`. */
  text?: string;
  /** link: an absolute http(s) URL. */
  href?: string;
  /** mention: the member mentioned. */
  userId?: string;
  children?: SafeNode[];
}

/** How many distinct members one comment may mention (more stay plain text). */
export const MAX_MENTIONS = 10;
/** The handle rule of sign-up, after an `@` that does not follow a word character or another `@`. */
const MENTION = /(^|[^A-Za-z0-9_@.])@([A-Za-z0-9][A-Za-z0-9_-]{2,29})(?![A-Za-z0-9_-])/g;
const MAX_TREE_DEPTH = 40;

const WITH_CHILDREN = new Set<NodeType>([
  'doc',
  'paragraph',
  'blockquote',
  'bullet_list',
  'ordered_list',
  'list_item',
  'em',
  'strong',
  'link',
]);
const WITH_TEXT = new Set<NodeType>(['text', 'code', 'code_block', 'mention']);

const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: false })
  .enable(['paragraph', 'code', 'fence', 'blockquote', 'list'])
  .enable(['emphasis', 'backticks', 'link', 'autolink', 'newline', 'escape', 'entity', 'linkify'])
  .enable(['text_join']);
md.validateLink = (url: string) => safeHref(url) !== null;

/** An absolute http(s) URL without credentials, normalised; null for anything else (javascript:, data:, relative…). */
export function safeHref(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  return url.toString();
}

/** Parses comment Markdown into the safe tree, mentions still unresolved (`mention` nodes without `userId`). */
export function parseComment(source: string): SafeNode {
  const doc: SafeNode = { type: 'doc', children: [] };
  const stack: SafeNode[] = [doc];
  const top = () => stack[stack.length - 1]!;
  const push = (node: SafeNode) => top().children!.push(node);
  const openNode = (type: NodeType, extra: Partial<SafeNode> = {}) => {
    const node: SafeNode = { type, ...extra, children: [] };
    push(node);
    stack.push(node);
  };
  const close = () => {
    if (stack.length > 1) stack.pop();
  };
  const inline = (tokens: Token[], inLink: number) => {
    let linkDepth = inLink;
    for (const t of tokens) {
      switch (t.type) {
        case 'text':
          pushText(top(), t.content, linkDepth === 0);
          break;
        case 'code_inline':
          push({ type: 'code', text: t.content });
          break;
        case 'softbreak':
          pushText(top(), '\n', false);
          break;
        case 'hardbreak':
          push({ type: 'break' });
          break;
        case 'em_open':
          openNode('em');
          break;
        case 'strong_open':
          openNode('strong');
          break;
        case 'link_open': {
          const href = safeHref(String(t.attrGet('href') ?? ''));
          if (href) {
            openNode('link', { href });
            linkDepth++;
          } else openNode('em'); // never reached (validateLink refused it already), but never a link either
          break;
        }
        case 'em_close':
        case 'strong_close':
          close();
          break;
        case 'link_close':
          linkDepth = Math.max(0, linkDepth - 1);
          close();
          break;
        default:
          // Any other token (none are enabled) keeps its characters as text, never its markup.
          if (t.content) pushText(top(), t.content, false);
      }
    }
  };
  for (const t of md.parse(source, {})) {
    switch (t.type) {
      case 'paragraph_open':
        if (!t.hidden) openNode('paragraph');
        break;
      case 'paragraph_close':
        if (!t.hidden) close();
        break;
      case 'blockquote_open':
        openNode('blockquote');
        break;
      case 'bullet_list_open':
        openNode('bullet_list');
        break;
      case 'ordered_list_open':
        openNode('ordered_list');
        break;
      case 'list_item_open':
        openNode('list_item');
        break;
      case 'blockquote_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
        close();
        break;
      case 'code_block':
      case 'fence':
        push({ type: 'code_block', text: t.content.replace(/\n$/, '') });
        break;
      case 'inline':
        inline(t.children ?? [], 0);
        break;
      default:
        if (t.content) push({ type: 'paragraph', children: [{ type: 'text', text: t.content }] });
    }
  }
  return doc;
}

/** Appends text to a parent, merging with a preceding text node and splitting out `@handle` mentions when allowed. */
function pushText(parent: SafeNode, text: string, mentions: boolean) {
  const children = parent.children!;
  const add = (s: string) => {
    if (!s) return;
    const last = children[children.length - 1];
    if (last?.type === 'text') last.text += s;
    else children.push({ type: 'text', text: s });
  };
  if (!mentions) return add(text);
  let at = 0;
  for (const m of text.matchAll(MENTION)) {
    const start = m.index + m[1]!.length;
    add(text.slice(at, start));
    children.push({ type: 'mention', text: m[2]! });
    at = start + 1 + m[2]!.length;
  }
  add(text.slice(at));
}

/** The distinct handles (lower-cased) mentioned, in order of appearance, at most `MAX_MENTIONS`. */
export function mentionedHandles(tree: SafeNode): string[] {
  const handles = new Set<string>();
  walk(tree, (n) => {
    if (n.type === 'mention' && handles.size < MAX_MENTIONS) handles.add(n.text!.toLowerCase());
  });
  return [...handles];
}

/**
 * Resolves mentions: a handle in `members` (lower-cased handle → user) becomes a mention of that member; any other
 * (unknown, beyond the cap, or on either side of a block with the author) becomes the plain text `@handle`.
 */
export function resolveMentions(
  tree: SafeNode,
  members: ReadonlyMap<string, { id: string; handle: string }>,
): SafeNode {
  const map = (node: SafeNode): SafeNode => {
    if (!node.children) return node;
    const children: SafeNode[] = [];
    for (const child of node.children) {
      let next = child;
      if (child.type === 'mention') {
        const member = members.get(child.text!.toLowerCase());
        next = member
          ? { type: 'mention', text: member.handle, userId: member.id }
          : { type: 'text', text: `@${child.text}` };
      } else next = map(child);
      const last = children[children.length - 1];
      if (next.type === 'text' && last?.type === 'text')
        children[children.length - 1] = { type: 'text', text: last.text! + next.text! };
      else children.push(next);
    }
    return { ...node, children };
  };
  return map(tree);
}

/** The members a resolved tree mentions. */
export function mentionedUserIds(tree: SafeNode): string[] {
  const ids = new Set<string>();
  walk(tree, (n) => {
    if (n.type === 'mention' && n.userId) ids.add(n.userId);
  });
  return [...ids];
}

/**
 * The allow-list, checked before a tree is stored or sent: known types only, each with exactly its fields (strings),
 * links absolute http(s) only, mentions resolved, bounded nesting. Returns the tree or throws.
 */
export function checkTree(tree: unknown): SafeNode {
  const check = (node: unknown, depth: number, root: boolean): void => {
    if (depth > MAX_TREE_DEPTH) throw new Error('comment tree: nested too deeply');
    if (typeof node !== 'object' || node === null || Array.isArray(node)) throw new Error('comment tree: not a node');
    const n = node as Record<string, unknown>;
    const type = n['type'] as NodeType;
    if (!(NODE_TYPES as readonly string[]).includes(type)) throw new Error(`comment tree: type ${String(type)}`);
    if ((type === 'doc') !== root) throw new Error('comment tree: doc only at the root');
    const allowed = new Set([
      'type',
      ...(WITH_CHILDREN.has(type) ? ['children'] : []),
      ...(WITH_TEXT.has(type) ? ['text'] : []),
    ]);
    if (type === 'link') allowed.add('href');
    if (type === 'mention') allowed.add('userId');
    for (const key of Object.keys(n)) if (!allowed.has(key)) throw new Error(`comment tree: ${type}.${key}`);
    if (WITH_TEXT.has(type) && typeof n['text'] !== 'string') throw new Error(`comment tree: ${type} without text`);
    if (type === 'link' && (typeof n['href'] !== 'string' || safeHref(n['href']) !== n['href']))
      throw new Error('comment tree: link not http(s)');
    if (type === 'mention' && typeof n['userId'] !== 'string') throw new Error('comment tree: unresolved mention');
    if (WITH_CHILDREN.has(type)) {
      if (!Array.isArray(n['children'])) throw new Error(`comment tree: ${type} without children`);
      for (const child of n['children']) check(child, depth + 1, false);
    }
  };
  check(tree, 0, true);
  return tree as SafeNode;
}

/** The plain text of a tree (for a notification line), at most `max` characters. */
export function plainText(tree: SafeNode, max: number): string {
  const parts: string[] = [];
  walk(tree, (n) => {
    if (n.type === 'text' || n.type === 'code' || n.type === 'code_block') parts.push(n.text!);
    if (n.type === 'mention') parts.push(`@${n.text}`);
    if (n.type === 'break' || n.type === 'paragraph') parts.push(' ');
  });
  const text = parts.join('').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function walk(node: SafeNode, visit: (n: SafeNode) => void) {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}
