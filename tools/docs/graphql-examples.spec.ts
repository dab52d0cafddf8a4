import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { checkGraphqlExamples } from './graphql-examples';

const schema = buildSchema(readFileSync(join(__dirname, '../../apps/api/schema.gql'), 'utf8'));
const page = (...lines: string[]) => ({ path: 'docs/guides/example.md', text: lines.join('\n') });
const check = (...lines: string[]) => checkGraphqlExamples([page(...lines)], schema);

describe('checkGraphqlExamples', () => {
  it('passes real operations, fragments and variables', () => {
    expect(check('# Example', '', '```graphql', '{ me { handle email roles } }', '```')).toEqual([]);
    expect(
      check(
        '```graphql',
        'query Model($id: UUID!) {',
        '  styleModel(id: $id) { ...Card versions { id licenseOffers { tier priceAmount } } }',
        '}',
        'fragment Card on StyleModel { name owner { handle } }',
        '```',
      ),
    ).toEqual([]);
    expect(
      check(
        '```gql',
        'mutation { checkoutOffers(offerIds: ["0190a5b0-7c1e-7000-8000-4f1c2d3e4a5b"]) { checkoutUrl } }',
        '```',
      ),
    ).toEqual([]);
  });

  it.each([
    ['an unknown field', '{ me { handle nickname } }', /Cannot query field "nickname" on type "Me"/],
    ['an unknown argument', '{ search(text: "cats") { total } }', /Unknown argument "text" on field "Query.search"/],
    ['a missing required argument', '{ styleModel { id } }', /argument "id" of type "UUID!" is required/],
    ['a wrong enum value', '{ search(sort: CHEAPEST) { total } }', /Value "CHEAPEST" does not exist in "SearchSort"/],
    ['a string where an Int goes', '{ myLicenses(first: "ten") { nodes { id } } }', /Int cannot represent/],
    ['a field on a scalar', '{ me { handle { length } } }', /must not have a selection/],
    ['an unused variable', 'query ($id: UUID!) { me { id } }', /Variable "\$id" is never used/],
  ])('fails on %s, naming the line in the page', (_, operation, message) => {
    const problems = check('# Example', '', 'Some text.', '', '```graphql', operation, '```');
    expect(problems).toEqual([{ file: 'docs/guides/example.md', line: 6, message: expect.stringMatching(message) }]);
  });

  it('reports syntax errors and errors deep in a block at their own line', () => {
    expect(check('```graphql', '{', '  me {', '    handle', '  ', '```')).toEqual([
      expect.objectContaining({ line: 5, message: expect.stringMatching(/Syntax Error/) }),
    ]);
    expect(check('intro', '```graphql', '{', '  me {', '    handle', '    nickname', '  }', '}', '```')).toEqual([
      expect.objectContaining({ line: 6 }),
    ]);
  });

  it('checks schema excerpts: the types, fields and enum values must exist', () => {
    expect(
      check('```graphql', 'type License {', '  tier: LicenseTier!', '}', 'enum LicenseTier { FREE EXCLUSIVE }', '```'),
    ).toEqual([]);
    expect(
      check(
        '```graphql',
        'type License {',
        '  price: Int',
        '}',
        'enum LicenseTier { FREE GOLD }',
        'type Nothing { a: Int }',
        '```',
      ),
    ).toEqual([
      expect.objectContaining({ line: 3, message: 'Type "License" has no field "price".' }),
      expect.objectContaining({ line: 5, message: 'Enum "LicenseTier" has no value "GOLD".' }),
      expect.objectContaining({ line: 6, message: 'The schema has no type "Nothing".' }),
    ]);
    expect(check('```graphql', 'type Me { id: ID! }', '{ me { id } }', '```')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/mixes operations and type definitions/) }),
    ]);
  });

  it('leaves other languages and empty blocks alone', () => {
    expect(
      check('```json', '{ "me": 1 }', '```', '```graphql', '```', '```sh', 'curl -s localhost:3000/graphql', '```'),
    ).toEqual([]);
  });
});
