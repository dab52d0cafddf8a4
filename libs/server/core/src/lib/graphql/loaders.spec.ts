import { byKeys, LoaderRegistry } from './loaders';

describe('LoaderRegistry', () => {
  it('batches lookups within one request into one call, in key order', async () => {
    const calls: (readonly string[])[] = [];
    const registry = new LoaderRegistry();
    const batch = async (keys: readonly string[]) => {
      calls.push(keys);
      return byKeys(
        keys,
        keys.filter((k) => k !== 'missing').map((k) => ({ id: k })),
        (row) => row.id,
      );
    };
    const loader = registry.get('users', batch);
    const results = await Promise.all(['b', 'a', 'missing', 'b'].map((k) => loader.load(k)));
    expect(results).toEqual([{ id: 'b' }, { id: 'a' }, null, { id: 'b' }]);
    expect(calls).toEqual([['b', 'a', 'missing']]);
    expect(registry.get('users', batch)).toBe(loader);
  });

  it('shares nothing between requests', async () => {
    let count = 0;
    const batch = async (keys: readonly string[]) => keys.map(() => ({ n: ++count }));
    const first = await new LoaderRegistry().get('x', batch).load('k');
    const second = await new LoaderRegistry().get('x', batch).load('k');
    expect(first).not.toEqual(second);
  });
});
