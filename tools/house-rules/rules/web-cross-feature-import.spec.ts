import { memoryWorkspace } from '../workspace';
import { resolveWebImport, webCrossFeatureImport } from './web-cross-feature-import';

const PAGE = 'apps/web/src/features/library/library-page.tsx';
const tsconfig = JSON.stringify({
  compilerOptions: { paths: { '@lookbook/web-ui': ['../../libs/web/ui/src/index.ts'], '@web/*': ['./src/*'] } },
});
const check = (text: string, path = PAGE) =>
  webCrossFeatureImport.check(memoryWorkspace({ 'apps/web/tsconfig.json': tsconfig, [path]: text }));

describe('web-cross-feature-import', () => {
  it.each([
    ["import { TIER_LABELS } from '../catalog/licence-labels';", 'catalog'],
    ["import type { Card } from '../catalog/cards/model-card';", 'catalog'],
    ["export { ModelGrid } from '../catalog/model-grid';", 'catalog'],
    ["const Page = lazy(() => import('../studio/studio-page'));", 'studio'],
    ["import { x } from '../../features/catalog';", 'catalog'],
    ["import { x } from '@web/features/catalog/model-card';", 'catalog'],
    ["import { x } from '@/features/catalog/model-card';", 'catalog'],
    ["jest.mock('../catalog/catalog-queries');", 'catalog'],
  ])('fails %s', (code, other) => {
    expect(check(`\n${code}`)).toEqual([
      expect.objectContaining({ file: PAGE, line: 2, message: expect.stringContaining(`from features/${other}`) }),
    ]);
  });

  it.each([
    "import { shelf } from './shelf';",
    "import { shelf } from './parts/shelf';",
    "import { x } from '../library/shelf';",
    "import { formatMoney } from '../../lib/format';",
    "import { Button } from '@lookbook/web-ui';",
    "import { Card } from '../../components/card';",
    "import { useQuery } from '@tanstack/react-query';",
    "import { x } from '@web/lib/format';",
  ])('passes %s', (code) => {
    expect(check(code)).toEqual([]);
  });

  it('applies inside nested folders of a feature, and its specs', () => {
    expect(
      check("import { x } from '../../catalog/x';", 'apps/web/src/features/library/api/library-queries.ts'),
    ).toHaveLength(1);
    expect(
      check("import { x } from '../catalog/x';", 'apps/web/src/features/library/library-page.spec.tsx'),
    ).toHaveLength(1);
  });

  it('lets routes and shared code outside features import any feature', () => {
    expect(check("import { x } from '../features/catalog/browse-page';", 'apps/web/src/app/routes.tsx')).toEqual([]);
  });

  it('resolves relative paths and aliases to repository paths', () => {
    expect(resolveWebImport('../catalog/x', PAGE, [])).toBe('apps/web/src/features/catalog/x');
    expect(resolveWebImport('@web/features/a/b', PAGE, [['@web/*', 'apps/web/src/*']])).toBe(
      'apps/web/src/features/a/b',
    );
    expect(resolveWebImport('react', PAGE, [])).toBeUndefined();
  });
});
