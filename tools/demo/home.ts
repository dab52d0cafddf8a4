import type { Session } from '../seed-demo';

/** What each demo account watches for: a search saved the way the browse page saves one. */
const SAVED: Record<string, { name: string; query?: string; filters?: Record<string, unknown>; sort?: string }[]> = {
  ada: [{ name: 'Watercolour looks', query: 'watercolor' }],
  kenji: [
    { name: 'Free LoRAs for SDXL', filters: { types: ['LORA'], free: true } },
    { name: 'Workflows people like', filters: { kinds: ['TEMPLATE'] }, sort: 'MOST_LIKED' },
  ],
  maya: [{ name: 'Commercial portraits', query: 'portrait', filters: { commercialUse: true } }],
};

/**
 * Saved searches for the demo accounts (the saved-searches page and its alerts have something to show). Idempotent:
 * saving the same search again answers the one saved.
 */
export async function seedDemoHome(people: Map<string, Session>): Promise<void> {
  for (const session of people.values())
    for (const search of SAVED[session.person.handle] ?? [])
      await session.gql(
        `mutation($name: String, $query: String, $filters: SearchFilterInput, $sort: SearchSort) {
           saveSearch(name: $name, query: $query, filters: $filters, sort: $sort) { id }
         }`,
        { name: search.name, query: search.query ?? null, filters: search.filters ?? null, sort: search.sort ?? null },
      );
}
