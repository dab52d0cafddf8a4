import { memoryWorkspace } from '../workspace';
import { repositoryWithoutIntSpec, serviceWithoutSpec } from './tests-beside';

const DIR = 'libs/server/shop/src/lib/orders';

describe('repository-without-int-spec', () => {
  const check = (tree: Record<string, string>) => repositoryWithoutIntSpec.check(memoryWorkspace(tree));

  it('fails a repository without its integration spec beside it', () => {
    expect(check({ [`${DIR}/order.repository.ts`]: '' })).toEqual([
      expect.objectContaining({
        file: `${DIR}/order.repository.ts`,
        message: 'has no order.repository.int-spec.ts beside it',
      }),
    ]);
  });

  it.each([
    ['a unit spec only', `${DIR}/order.repository.spec.ts`],
    ['an int-spec with another name', `${DIR}/orders.int-spec.ts`],
    ['its int-spec in another folder', `libs/server/shop/src/lib/order.repository.int-spec.ts`],
  ])('fails it with %s', (_, other) => {
    expect(check({ [`${DIR}/order.repository.ts`]: '', [other]: '' })).toHaveLength(1);
  });

  it('passes a repository with its int-spec, and ignores other files', () => {
    expect(
      check({
        [`${DIR}/order.repository.ts`]: '',
        [`${DIR}/order.repository.int-spec.ts`]: '',
        [`${DIR}/order.service.ts`]: '',
        [`${DIR}/order-repository.ts`]: '',
      }),
    ).toEqual([]);
  });
});

describe('service-without-spec', () => {
  const check = (tree: Record<string, string>) => serviceWithoutSpec.check(memoryWorkspace(tree));

  it.each(['order.service.ts', 'refund.job.ts', 'local-gateway.jobs.ts'])('fails %s without a spec', (name) => {
    const violations = check({ [`${DIR}/${name}`]: '', [`${DIR}/${name.replace('.ts', '.int-spec.ts')}`]: '' });
    expect(violations).toEqual([
      expect.objectContaining({
        file: `${DIR}/${name}`,
        message: `has no ${name.replace('.ts', '.spec.ts')} beside it`,
      }),
    ]);
  });

  it.each(['order.service.ts', 'refund.job.ts', 'local-gateway.jobs.ts'])('passes %s with its spec', (name) => {
    expect(check({ [`${DIR}/${name}`]: '', [`${DIR}/${name.replace('.ts', '.spec.ts')}`]: '' })).toEqual([]);
  });

  it('does not take a spec of another file for the service’s', () => {
    expect(check({ [`${DIR}/order.service.ts`]: '', [`${DIR}/order.spec.ts`]: '' })).toHaveLength(1);
  });

  it('leaves other kinds of files alone', () => {
    expect(
      check({ [`${DIR}/order.resolver.ts`]: '', [`${DIR}/order-service.ts`]: '', [`${DIR}/jobs.ts`]: '' }),
    ).toEqual([]);
  });
});
