import { memoryWorkspace } from '../workspace';
import { fileTooLong, lineCount, MAX_LINES } from './file-too-long';

const lines = (n: number, trailingNewline = true): string =>
  Array.from({ length: n }, (_, i) => `const x${i} = ${i};`).join('\n') + (trailingNewline ? '\n' : '');
const check = (tree: Record<string, string>) => fileTooLong.check(memoryWorkspace(tree));

describe('file-too-long', () => {
  it.each([
    'libs/server/shop/src/lib/orders/order.service.ts',
    'apps/web/src/features/shop/shop-page.tsx',
    'tools/demo/data.ts',
  ])('fails %s at 401 lines and passes it at 400', (path) => {
    expect(check({ [path]: lines(MAX_LINES + 1) })).toEqual([
      expect.objectContaining({ file: path, message: 'has 401 lines (at most 400)' }),
    ]);
    expect(check({ [path]: lines(MAX_LINES) })).toEqual([]);
    expect(check({ [path]: lines(MAX_LINES, false) })).toEqual([]);
  });

  it.each([
    ['a unit spec', 'libs/server/shop/src/lib/orders/order.service.spec.ts'],
    ['an e2e spec', 'test/e2e/shop.e2e-spec.ts'],
    ['a component test', 'apps/web/src/features/shop/shop-page.spec.tsx'],
    ['an integration spec', 'libs/server/shop/src/lib/orders/order.repository.int-spec.ts'],
    ['generated GraphQL types', 'apps/web/src/gql/graphql.ts'],
    ['a migration', 'migrations/1765000000000-shop.ts'],
    ['a file that is not TypeScript', 'apps/web/src/styles.css'],
  ])('leaves %s alone', (_, path) => {
    expect(check({ [path]: lines(900) })).toEqual([]);
  });

  it('counts lines as an editor does', () => {
    expect(lineCount('')).toBe(0);
    expect(lineCount('a')).toBe(1);
    expect(lineCount('a\n')).toBe(1);
    expect(lineCount('a\nb')).toBe(2);
    expect(lineCount('a\n\n')).toBe(2);
  });
});
