import { memoryWorkspace } from '../workspace';
import { oneResolverOrJobPerFile, resolverInjectsRepository } from './resolvers-and-jobs';

const FILE = 'libs/server/shop/src/lib/orders/order.resolver.ts';

describe('one-resolver-or-job-per-file', () => {
  const check = (text: string) => oneResolverOrJobPerFile.check(memoryWorkspace({ [FILE]: text }));

  it('fails two @Resolver classes in one file, at the second', () => {
    const text = [
      '@Resolver(() => Order)',
      'export class OrderResolver {}',
      '',
      '@Resolver(() => OrderLine)',
      'export class OrderLineResolver {}',
    ].join('\n');
    expect(check(text)).toEqual([
      expect.objectContaining({ line: 4, message: 'holds 2 @Resolver classes (OrderResolver, OrderLineResolver)' }),
    ]);
  });

  it('fails three @JobTask classes in one file, and a bare decorator counts', () => {
    const text = ['@JobTask(T.a) class A {}', '@Injectable() @JobTask(T.b) class B {}', '@JobTask class C {}'].join(
      '\n',
    );
    expect(check(text)).toEqual([expect.objectContaining({ message: 'holds 3 @JobTask classes (A, B, C)' })]);
  });

  it('counts each decorator on its own: one resolver and one job in a file pass', () => {
    expect(check('@Resolver() class R {}\n@JobTask(T.a) class J {}\nclass Plain {}')).toEqual([]);
  });

  it('passes a single resolver beside undecorated helpers and mentions in comments', () => {
    expect(check('// @Resolver @Resolver\n@Resolver(() => Order)\nclass OrderResolver {}\nclass Helper {}')).toEqual(
      [],
    );
  });
});

describe('resolver-injects-repository', () => {
  const check = (text: string) => resolverInjectsRepository.check(memoryWorkspace({ [FILE]: text }));

  it.each([
    ['a domain repository', 'private readonly orders: OrderRepository', 'OrderResolver injects OrderRepository'],
    [
      'TypeORM’s repository',
      '@InjectRepository(Order) private readonly rows: Repository<Order>',
      'OrderResolver injects Repository',
    ],
    ['a namespaced repository', 'rows: shop.OrderRepository', 'OrderResolver injects OrderRepository'],
  ])('fails a resolver that injects %s', (_, parameter, message) => {
    const text = `@Resolver(() => Order)\nclass OrderResolver {\n  constructor(\n    private readonly service: OrderService,\n    ${parameter},\n  ) {}\n}`;
    expect(check(text)).toEqual([expect.objectContaining({ line: 5, message })]);
  });

  it('passes a resolver that injects services, facades and loaders', () => {
    const text =
      '@Resolver(() => Order)\nclass OrderResolver {\n  constructor(private s: OrderService, private f: CatalogFacade, private l: ShopLoaders) {}\n}';
    expect(check(text)).toEqual([]);
  });

  it('lets services and jobs inject repositories', () => {
    expect(
      check('@Injectable()\nclass OrderService {\n  constructor(private readonly orders: OrderRepository) {}\n}'),
    ).toEqual([]);
  });
});
