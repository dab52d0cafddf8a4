import type { HouseRulesOptions } from './check';
import { checkHouseRules, formatOutcome, houseRules } from './check';
import { memoryWorkspace } from './workspace';

const SERVICE = 'libs/server/shop/src/lib/orders/order.service.ts';
const REPOSITORY = 'libs/server/shop/src/lib/orders/order.repository.ts';
const README = 'docs/architecture/README.md';

/** A small conforming workspace: one domain, its repository and service with their specs, the domain table. */
const conforming = (): Record<string, string> => ({
  'libs/server/shop/project.json': '{}',
  [REPOSITORY]: "import { DataSource } from 'typeorm';\nexport class OrderRepository {}",
  'libs/server/shop/src/lib/orders/order.repository.int-spec.ts': '',
  [SERVICE]: 'export class OrderService {\n  constructor(private readonly orders: OrderRepository) {}\n}',
  'libs/server/shop/src/lib/orders/order.service.spec.ts': '',
  [README]: '| domain | notes |\n| --- | --- |\n| `libs/server/shop` | x |\n',
});
const options = (allowList: HouseRulesOptions['allowList'] = {}): HouseRulesOptions => ({
  sqlPlaces: {},
  notDomains: {},
  allowList,
});

describe('the house rules checker', () => {
  it('passes a conforming workspace', () => {
    expect(checkHouseRules(memoryWorkspace(conforming()), options()).problems).toEqual([]);
  });

  it('reports each broken rule with its file', () => {
    const tree = conforming();
    delete tree['libs/server/shop/src/lib/orders/order.service.spec.ts'];
    tree[SERVICE] += "\nconst SQL = 'DELETE FROM shop.order';";
    const { problems } = checkHouseRules(memoryWorkspace(tree), options());
    expect(problems.map((p) => [p.rule, p.file])).toEqual([
      ['sql-outside-repositories', SERVICE],
      ['service-without-spec', SERVICE],
    ]);
  });

  it('sets aside what the allow-list accepts, for that rule and file only', () => {
    const tree = conforming();
    delete tree['libs/server/shop/src/lib/orders/order.service.spec.ts'];
    tree[SERVICE] += "\nconst SQL = 'DELETE FROM shop.order';";
    const outcome = checkHouseRules(
      memoryWorkspace(tree),
      options({ 'service-without-spec': { [SERVICE]: 'covered end to end by shop.e2e-spec.ts' } }),
    );
    expect(outcome.problems.map((p) => p.rule)).toEqual(['sql-outside-repositories']);
    expect(outcome.allowed.map((p) => p.rule)).toEqual(['service-without-spec']);
  });

  it('fails an allow-list entry whose file conforms now: the list only shrinks', () => {
    const outcome = checkHouseRules(
      memoryWorkspace(conforming()),
      options({ 'service-without-spec': { [SERVICE]: 'covered end to end by shop.e2e-spec.ts' } }),
    );
    expect(outcome.problems).toEqual([
      expect.objectContaining({ rule: 'allow-list', file: SERVICE, message: expect.stringContaining('is stale') }),
    ]);
  });

  it('fails an allow-list entry whose file is gone', () => {
    const gone = 'libs/server/shop/src/lib/orders/gone.service.ts';
    const outcome = checkHouseRules(
      memoryWorkspace(conforming()),
      options({ 'service-without-spec': { [gone]: 'covered end to end by shop.e2e-spec.ts' } }),
    );
    expect(outcome.problems).toEqual([
      expect.objectContaining({ rule: 'allow-list', file: gone, message: expect.stringContaining('no longer exists') }),
    ]);
  });

  it('fails an allow-list entry without a reason', () => {
    const tree = conforming();
    delete tree['libs/server/shop/src/lib/orders/order.service.spec.ts'];
    const outcome = checkHouseRules(memoryWorkspace(tree), options({ 'service-without-spec': { [SERVICE]: ' ' } }));
    expect(outcome.problems).toEqual([
      expect.objectContaining({ rule: 'allow-list', message: expect.stringContaining('no reason') }),
    ]);
  });

  it('accepts a domain folder as the key of a domain-table entry', () => {
    const tree = { ...conforming(), 'libs/server/spaces/project.json': '{}' };
    const outcome = checkHouseRules(
      memoryWorkspace(tree),
      options({ 'domain-missing-from-docs': { 'libs/server/spaces': 'documented with its first aggregate' } }),
    );
    expect(outcome.problems).toEqual([]);
  });

  it('prints file, line, rule and what to do', () => {
    const tree = conforming();
    tree[SERVICE] = `\n\n${tree[SERVICE]}\nconst SQL = 'DELETE FROM shop.order';`;
    const rules = houseRules(options());
    const report = formatOutcome(checkHouseRules(memoryWorkspace(tree), options()), rules, 6);
    expect(report).toContain('House rules: 1 problem');
    expect(report).toContain('✗ sql-outside-repositories: SQL, DataSource or a query builder outside a repository');
    expect(report).toContain(`  ${SERVICE}:6  holds SQL text outside a repository`);
    expect(report).toContain('→ what to do: move the statement into a method of the aggregate’s *.repository.ts');
    expect(formatOutcome({ problems: [], allowed: [] }, rules, 6)).toContain('8 rules passed on 6 files');
  });
});
