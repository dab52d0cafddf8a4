import type { INestApplicationContext } from '@nestjs/common';
import type { TestUser } from '@lookbook/testing';
import { errorCode } from '@lookbook/testing';
import { SavedSearchAlertService } from '@lookbook/search';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import { publishedVersion } from './support/versions';
import { world } from './support/world';

const SAVE = `mutation($name: String, $q: String, $f: SearchFilterInput, $sort: SearchSort) {
  saveSearch(name: $name, query: $q, filters: $f, sort: $sort) { id name query sort url }
}`;
const LIST = `{ savedSearches { id name query sort url } }`;
const RENAME = `mutation($id: UUID!, $name: String!) { renameSavedSearch(id: $id, name: $name) { id name } }`;
const DELETE = `mutation($id: UUID!) { deleteSavedSearch(id: $id) }`;

describe('saved searches over HTTP: save, list, rename, delete; batched alerts on new matches', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let as: ReturnType<typeof world>['as'];
  let people: ReturnType<typeof world>;
  let fan: TestUser;
  let creator: TestUser;

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker(api.db.url, { env: { DATA_DIR: api.dataDir } });
    people = world(api);
    as = people.as;
    fan = await people.member();
    creator = await people.member();
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  /** The alert job, as the schedule runs it (the worker's own schedule may run it too: the cursor serialises runs). */
  const runAlerts = () => api.app.get(SavedSearchAlertService).run();
  const alerts = async (user: TestUser) =>
    (await api.db.query<{ text: string; url: string; subject_id: string }>(
      `SELECT text, url, subject_id FROM notifications.notification
        WHERE recipient_id = $1 AND kind = 'SAVED_SEARCH_MATCH' ORDER BY created_at`,
      [user.id],
    )) as { text: string; url: string; subject_id: string }[];

  it('saves a search (normalised, idempotent), lists, renames and deletes it; bad input is a typed error', async () => {
    const saved = (await as(fan)(SAVE, { q: '  Copper   Lantern ', sort: 'MOST_LIKED', f: { tags: ['Ink'] } })).data!
      .saveSearch as { id: string; name: string; url: string; sort: string };
    expect(saved).toMatchObject({ name: 'Copper Lantern', sort: 'MOST_LIKED' });
    expect(saved.url).toBe('/browse?q=Copper+Lantern&tag=ink&sort=MOST_LIKED');
    const again = (await as(fan)(SAVE, { q: 'copper lantern', sort: 'MOST_LIKED', f: { tags: ['ink'] } })).data!
      .saveSearch as { id: string };
    expect(again.id).toBe(saved.id);
    expect(((await as(fan)(LIST)).data!.savedSearches as unknown[]).length).toBe(1);
    expect((await as(fan)(RENAME, { id: saved.id, name: 'Lanterns' })).data!.renameSavedSearch).toMatchObject({
      name: 'Lanterns',
    });
    // Another member cannot see, rename or delete it.
    expect(errorCode(await as(creator)(RENAME, { id: saved.id, name: 'mine' }))).toBe('SAVED_SEARCH_NOT_FOUND');
    expect((await as(creator)(DELETE, { id: saved.id })).data!.deleteSavedSearch).toBe(false);
    expect((await as(creator)(LIST)).data!.savedSearches).toEqual([]);
    expect(errorCode(await as(fan)(SAVE, { q: 'x'.repeat(201) }))).toBe('SEARCH_QUERY_TOO_LONG');
    expect(errorCode(await as(fan)(SAVE, { q: 'ok', name: 'n'.repeat(81) }))).toBe('SAVED_SEARCH_INVALID_NAME');
    expect(errorCode(await as(fan)(SAVE, { f: { tags: ['<script>'] } }))).toBe('SEARCH_INVALID_FILTER');
    expect(((await as(fan)(LIST)).data!.savedSearches as unknown[]).length).toBe(1);
    expect((await as(fan)(DELETE, { id: saved.id })).data!.deleteSavedSearch).toBe(true);
    expect((await as(fan)(DELETE, { id: saved.id })).data!.deleteSavedSearch).toBe(false);
    // Signed out: no saved searches.
    expect(errorCode(await as({ accessToken: '' })(LIST))).toBe('UNAUTHENTICATED');
  });

  it('alerts once per saved search per batch on new matches; a replay changes nothing; never on one’s own work', async () => {
    const saved = (await as(fan)(SAVE, { q: 'saffron tide' })).data!.saveSearch as { id: string; url: string };
    const own = (await as(creator)(SAVE, { q: 'saffron tide' })).data!.saveSearch as { id: string };
    expect(own.id).not.toBe(saved.id);
    await runAlerts(); // whatever came before the searches were saved
    expect(await alerts(fan)).toEqual([]);

    await publishedVersion(api, creator, { name: 'Saffron Tide Study' });
    await publishedVersion(api, creator, { name: 'Saffron Tide Night' });
    await publishedVersion(api, creator, { name: 'Cobalt Field' });
    await runAlerts();
    expect(await alerts(fan)).toEqual([
      { text: '2 new matches for “saffron tide”', url: saved.url, subject_id: saved.id },
    ]);
    // The creator saved the same search: their own work never alerts them.
    expect(await alerts(creator)).toEqual([]);

    // A replay of the job (and the worker's own schedule) changes nothing.
    await runAlerts();
    await api.db.query(`UPDATE search.saved_search_cursor SET activity_id = activity_id`);
    await runAlerts();
    expect(await alerts(fan)).toHaveLength(1);

    // A new version of a model already out is not new work.
    const [study] = await api.db.query<{ id: string }>(
      `SELECT id FROM catalog.style_model WHERE name = 'Saffron Tide Study'`,
    );
    const modelId = study!.id;
    await publishedVersion(api, creator, { modelId, versionName: 'v2' });
    await runAlerts();
    expect(await alerts(fan)).toHaveLength(1);
  });

  it('says nothing across a block', async () => {
    const watcher = await people.member();
    await as(watcher)(SAVE, { q: 'umber canyon' });
    await runAlerts();
    await as(watcher)(`mutation($id: UUID!) { blockUser(userId: $id) { blocked } }`, { id: creator.id });
    await publishedVersion(api, creator, { name: 'Umber Canyon' });
    await runAlerts();
    expect(await alerts(watcher)).toEqual([]);
  });
});
