import { defaultParseSearch } from '@tanstack/react-router';
import { stringifySearch } from '../../lib/search-params';
import { browseHeading } from './browse-page';
import type { BrowseSearch } from '../../api/search';
import { browseSearch } from '../../api/search';

/** The browse page's search state as the router reads it back from a URL. */
const read = (url: string): BrowseSearch => browseSearch.parse(defaultParseSearch(url));

describe('the browse page’s URL', () => {
  it.each([
    [{ not: ['landscape'] }, '?not=landscape'],
    [{ not: ['landscape', 'night'] }, '?not=landscape&not=night'],
    [{ q: 'neon city', not: ['blurry'] }, '?q=neon+city&not=blurry'],
    [{ not: ['1990'] }, '?not=1990'],
    [{ tag: 'watercolor', commercial: true }, '?tag=watercolor&commercial=true'],
    [{ not: [] }, ''],
  ] as [BrowseSearch, string][])('writes exclusions as words: %j → %s', (search, url) => {
    expect(stringifySearch(search)).toBe(url);
  });

  it.each([
    [{ not: ['landscape'] }],
    [{ not: ['landscape', 'night', 'b&w'] }],
    [{ q: '1990', not: ['true', '42'], price: 'paid', sort: 'PRICE_LOW' }],
    [{ kind: 'template', tag: 'ink', mature: true }],
  ] as [BrowseSearch][])('round-trips %j', (search) => {
    expect(read(stringifySearch(search))).toEqual(search);
  });

  it.each([
    ['?not=landscape', ['landscape']],
    ['?not=landscape,night', ['landscape', 'night']],
    ['?not=landscape&not=night', ['landscape', 'night']],
    ['?not=landscape%2C%20night&not=landscape', ['landscape', 'night']],
    ['?not=1990', ['1990']],
    ['?not=,', undefined],
    ['?not=', undefined],
  ])('reads %s as %j', (url, not) => {
    expect(read(url).not).toEqual(not);
  });
});

describe('the browse heading names what is listed', () => {
  const base = (id: string) => ({ 'sdxl-1.0': 'SDXL 1.0' })[id] ?? id;
  it.each([
    [{}, 'All models and templates'],
    [{ kind: 'template' }, 'All workflow templates'],
    [{ kind: 'model' }, 'All style models'],
    [{ price: 'paid' }, 'Paid models and templates'],
    [{ price: 'free', kind: 'template' }, 'Free workflow templates'],
    [{ tag: 'watercolor' }, 'Models and templates tagged #watercolor'],
    [{ type: 'LORA', base: 'sdxl-1.0', tag: 'ink' }, 'LoRA models for SDXL 1.0 tagged #ink'],
    [{ creator: 'ada' }, 'Models and templates by @ada'],
    [{ q: 'neon', price: 'paid' }, 'Results for “neon”'],
    [{ commercial: true }, 'All models and templates'],
  ] as [BrowseSearch, string][])('%j → %s', (search, heading) => {
    expect(browseHeading(search, base)).toBe(heading);
  });
});
