import type { ReactNode } from 'react';
import { TextLink } from '@lookbook/web-ui';
import type { MarkdownNodeType } from '../gql/graphql';

/** A node of safe Markdown as the API sends it: flat, in document order, `parent` the index of its enclosing node. */
export interface FlatMarkdownNode {
  type: MarkdownNodeType;
  parent?: number | null;
  text?: string | null;
  href?: string | null;
  userId?: string | null;
}

interface TreeNode {
  node: FlatMarkdownNode;
  children: TreeNode[];
}

/** Rebuilds the tree from the flat list (a node naming a parent that is not before it is dropped). */
export function buildTree(nodes: readonly FlatMarkdownNode[]): TreeNode[] {
  const built: TreeNode[] = [];
  const roots: TreeNode[] = [];
  nodes.forEach((node, i) => {
    const tree = { node, children: [] };
    built.push(tree);
    const parent = node.parent;
    if (parent === null || parent === undefined) roots.push(tree);
    else if (parent >= 0 && parent < i) built[parent]!.children.push(tree);
  });
  return roots;
}

/** Only absolute http(s) links become links (the server sends nothing else; this holds even if it did). */
function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function render(tree: TreeNode, key: number): ReactNode {
  const { node } = tree;
  const children = tree.children.map(render);
  const text = node.text ?? '';
  switch (node.type) {
    case 'paragraph':
      return <p key={key}>{children}</p>;
    case 'blockquote':
      return (
        <blockquote key={key} className="border-l-2 border-line pl-3 text-muted">
          {children}
        </blockquote>
      );
    case 'bullet_list':
      return (
        <ul key={key} className="list-disc pl-6">
          {children}
        </ul>
      );
    case 'ordered_list':
      return (
        <ol key={key} className="list-decimal pl-6">
          {children}
        </ol>
      );
    case 'list_item':
      return <li key={key}>{children}</li>;
    case 'code_block':
      return (
        <pre key={key} className="overflow-x-auto rounded bg-raised p-3 text-sm">
          <code>{text}</code>
        </pre>
      );
    case 'em':
      return <em key={key}>{children}</em>;
    case 'strong':
      return <strong key={key}>{children}</strong>;
    case 'code':
      return (
        <code key={key} className="rounded bg-raised px-1 text-[0.9em]">
          {text}
        </code>
      );
    case 'break':
      return <br key={key} />;
    case 'link': {
      const href = safeHref(node.href);
      if (!href) return <span key={key}>{children}</span>;
      return (
        <a key={key} href={href} rel="nofollow ugc noopener noreferrer" className="text-accent underline">
          {children}
        </a>
      );
    }
    case 'mention':
      return (
        <TextLink key={key} to="/u/$handle" params={{ handle: text }} strong data-testid="mention">
          @{text}
        </TextLink>
      );
    case 'text':
      return text;
    default:
      return null;
  }
}

/**
 * Renders user text from the server's safe Markdown tree (comments; reviews, bios and notes can use it too). Every
 * string is a React text child, so it is escaped; there is no HTML anywhere on the way. Unknown node types render
 * nothing.
 */
export function SafeMarkdown({ nodes, className }: { nodes: readonly FlatMarkdownNode[]; className?: string }) {
  return (
    <div className={className ?? 'flex flex-col gap-2 break-words'} data-testid="safe-markdown">
      {buildTree(nodes).map(render)}
    </div>
  );
}
