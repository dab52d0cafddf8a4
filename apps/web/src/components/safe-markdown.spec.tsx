import '@testing-library/jest-dom';
import { render } from '@testing-library/react';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { act } from 'react';
import type { FlatMarkdownNode } from './safe-markdown';
import { buildTree, SafeMarkdown } from './safe-markdown';

async function renderNodes(nodes: FlatMarkdownNode[]) {
  const root = createRootRoute({ component: Outlet });
  const home = createRoute({ getParentRoute: () => root, path: '/', component: () => <SafeMarkdown nodes={nodes} /> });
  const profile = createRoute({ getParentRoute: () => root, path: '/u/$handle', component: () => null });
  const router = createRouter({
    routeTree: root.addChildren([home, profile]),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  let view!: ReturnType<typeof render>;
  await act(async () => {
    view = render(<RouterProvider router={router} />);
  });
  return view.container;
}

describe('SafeMarkdown', () => {
  it('renders each node type as its element, text as text', async () => {
    const container = await renderNodes([
      { type: 'paragraph', parent: null },
      { type: 'text', parent: 0, text: 'Hi <b>there</b> ' },
      { type: 'strong', parent: 0 },
      { type: 'text', parent: 2, text: 'bold' },
      { type: 'link', parent: 0, href: 'https://e.com/' },
      { type: 'text', parent: 4, text: 'docs' },
      { type: 'mention', parent: 0, text: 'ada_l', userId: 'u1' },
      { type: 'bullet_list', parent: null },
      { type: 'list_item', parent: 7 },
      { type: 'text', parent: 8, text: 'one' },
      { type: 'code_block', parent: null, text: '<script>alert(1)</script>' },
    ]);
    expect(container.querySelector('p')!.textContent).toBe('Hi <b>there</b> bolddocs@ada_l');
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('strong')!.textContent).toBe('bold');
    const link = container.querySelector('a[href="https://e.com/"]')!;
    expect(link.getAttribute('rel')).toBe('nofollow ugc noopener noreferrer');
    expect(container.querySelector('a[href="/u/ada_l"]')!.textContent).toBe('@ada_l');
    expect(container.querySelectorAll('ul > li')).toHaveLength(1);
    expect(container.querySelector('pre code')!.textContent).toBe('<script>alert(1)</script>');
    expect(container.querySelector('script')).toBeNull();
  });

  it('never makes a link of anything but http(s), and ignores unknown types and bad parents', async () => {
    const container = await renderNodes([
      { type: 'link', parent: null, href: 'javascript:alert(1)' },
      { type: 'text', parent: 0, text: 'js' },
      { type: 'link', parent: null, href: 'data:text/html,x' },
      { type: 'html' as never, parent: null, text: '<img src=x onerror=alert(1)>' },
      { type: 'text', parent: 9, text: 'orphan' },
    ]);
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('js');
  });

  it('rebuilds the tree from parent indices', () => {
    const tree = buildTree([
      { type: 'paragraph', parent: null },
      { type: 'em', parent: 0 },
      { type: 'text', parent: 1, text: 'x' },
      { type: 'paragraph', parent: null },
    ]);
    expect(tree.map((t) => [t.node.type, t.children.length])).toEqual([
      ['paragraph', 1],
      ['paragraph', 0],
    ]);
  });
});
