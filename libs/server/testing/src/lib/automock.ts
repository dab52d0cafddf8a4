/**
 * The small-test tier: services built with their real constructor and strict auto-mocks for every dependency. A
 * mock's methods throw until a test gives them a behaviour (`mock.find.mockResolvedValue(…)`), so a service calling
 * something the test did not expect fails loudly instead of getting `undefined`.
 */
export type Mocked<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? jest.Mock<R, A> : T[K];
};

type Token = abstract new (...args: never[]) => unknown;

/** Property names jest, promises and printers probe on any object: never treated as calls the service made. */
const PROBED = new Set<PropertyKey>(['then', 'asymmetricMatch', '$$typeof', 'nodeType', 'toJSON', 'constructor']);

export function automock<T extends object>(name: string): Mocked<T> {
  const fns = new Map<PropertyKey, jest.Mock>();
  return new Proxy({} as Mocked<T>, {
    get(_target, property) {
      if (typeof property === 'symbol' || PROBED.has(property)) return undefined;
      let fn = fns.get(property);
      if (!fn) {
        fn = jest.fn(() => {
          throw new Error(`unexpected call: ${name}.${String(property)}() — give it a behaviour in the test`);
        });
        fns.set(property, fn);
      }
      return fn;
    },
    set(_target, property, value: unknown) {
      fns.set(property, value as jest.Mock);
      return true;
    },
  });
}

export interface TestService<S> {
  sut: S;
  /** The auto-mock standing in for a dependency, by its class (or its injection token). */
  mock<T>(token: abstract new (...args: never[]) => T): Mocked<T>;
  mock<T>(token: symbol | string): Mocked<T>;
}

/**
 * Builds `Service` with its own constructor: every class-typed dependency is a strict auto-mock, and `provide` supplies
 * real values (config, a clock) for classes or injection tokens (`@Inject(APP_CONFIG)`).
 */
export function newTestService<S>(
  Service: new (...args: never[]) => S,
  provided: Iterable<readonly [Token | symbol | string, unknown]> = [],
): TestService<S> {
  const provide = new Map<unknown, unknown>(provided);
  const types = (Reflect.getMetadata('design:paramtypes', Service) as unknown[] | undefined) ?? [];
  const declared = (Reflect.getMetadata('self:paramtypes', Service) as { index: number; param: unknown }[]) ?? [];
  const mocks = new Map<unknown, unknown>();
  const args = types.map((type, index) => {
    const token = declared.find((d) => d.index === index)?.param ?? type;
    if (provide.has(token)) return provide.get(token);
    const name = typeof token === 'function' ? token.name : String(token);
    const mock = automock<object>(name);
    mocks.set(token, mock);
    return mock;
  });
  const sut = new Service(...(args as never[]));
  return {
    sut,
    mock: (token: Token | symbol | string) => {
      const found = mocks.get(token);
      if (!found) throw new Error(`${Service.name} has no auto-mocked dependency ${String(token)}`);
      return found as never;
    },
  };
}
