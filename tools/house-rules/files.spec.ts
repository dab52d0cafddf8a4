import { beside, globToRegExp, isSpec, matchesAny } from './files';

describe('house rules file helpers', () => {
  it.each([
    ['libs/server/search/src/lib/engines/**', 'libs/server/search/src/lib/engines/postgres/query.ts', true],
    ['libs/server/search/src/lib/engines/**', 'libs/server/search/src/lib/engines.ts', false],
    ['**/*.*spec.ts', 'test/e2e/shop.e2e-spec.ts', true],
    ['**/*.*spec.ts', 'libs/a/b.spec.ts', true],
    ['**/*.*spec.ts', 'libs/a/b.service.ts', false],
    ['tools/**', 'tools/seed-demo.ts', true],
    ['tools/*.ts', 'tools/demo/catalog.ts', false],
    ['apps/{api,worker}/src/**', 'apps/worker/src/main.ts', true],
    ['apps/{api,worker}/src/**', 'apps/web/src/main.ts', false],
    ['libs/server/core/src/lib/database/migrate.ts', 'libs/server/core/src/lib/database/migrate.ts', true],
    ['libs/server/core/src/lib/database/migrate.ts', 'libs/server/core/src/lib/database/migrateXts', false],
  ])('glob %s against %s: %s', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
    expect(matchesAny(path, ['nothing/**', glob])).toBe(expected);
  });

  it('tells specs of every kind from code', () => {
    for (const spec of [
      'a.spec.ts',
      'a.int-spec.ts',
      'a.e2e-spec.ts',
      'a.behaviour-spec.ts',
      'a.spec.tsx',
      'a.browser-spec.ts',
    ]) {
      expect(isSpec(spec)).toBe(true);
    }
    for (const code of ['a.ts', 'spec.ts.bak', 'inspect.ts', 'a.specs.ts']) expect(isSpec(code)).toBe(false);
  });

  it('names the file beside another', () => {
    expect(beside('a/b.repository.ts', '.int-spec.ts')).toBe('a/b.repository.int-spec.ts');
    expect(beside('a/b.page.tsx', '.spec.tsx')).toBe('a/b.page.spec.tsx');
  });
});
