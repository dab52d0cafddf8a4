import { parseSearchRequest } from '../../query/search-request';
import { MATURITY_LEVELS, TIERS } from '@lookbook/kernel';
import { describeSearchEngine } from '../search-engine.behaviour-spec';
import { FACET_BITS } from './facet-groups';
import { PostgresSearchEngine } from './postgres-search.engine';
import { MAX_COMPLETIONS } from './postgres-words';

describeSearchEngine(
  'PostgresSearchEngine (PostgreSQL)',
  (db) => new PostgresSearchEngine(db),
  (ctx) => {
    it('expands a last word that begins too many indexed words to its first ones, the word itself included', async () => {
      const { bed, sync, engine, all } = ctx();
      const models = all.filter((d) => d.kind === 'MODEL').slice(70, 70 + MAX_COMPLETIONS + 6);
      // One model is named "Quill"; the others "Quill01", "Quill02"…: more continuations than the cap.
      for (const [i, d] of models.entries())
        await bed.dataSource.query(`UPDATE catalog.style_model SET name = $2 WHERE id = $1`, [
          d.id,
          i === 0 ? 'Quill' : `Quill${String(i).padStart(2, '0')}`,
        ]);
      await sync.syncModels(models.map((d) => d.id));
      const page = await engine.search(
        parseSearchRequest({ query: 'quill', filters: { maturity: ['SFW', 'MATURE'] } }),
      );
      // "quill" and the first continuations in index order: quill01 … quill29.
      expect(page.total).toBe(MAX_COMPLETIONS);
      const few = await engine.search(
        parseSearchRequest({ query: 'quill3', filters: { maturity: ['SFW', 'MATURE'] } }),
      );
      expect(few.total).toBe(models.filter((_, i) => String(i).padStart(2, '0').startsWith('3')).length);
      for (const d of models)
        await bed.dataSource.query(`UPDATE catalog.style_model SET name = $2 WHERE id = $1`, [d.id, d.name]);
      await sync.syncModels(models.map((d) => d.id));
    });

    it('generates facet_bits as FACET_BITS lays them out, for every value (the counts read only the bits)', async () => {
      const { bed, sync, engine, all } = ctx();
      const base = all.find((d) => d.kind === 'MODEL')!;
      const bitsOf = async () =>
        (
          await bed.dataSource.query<{ bits: number }[]>(
            `SELECT facet_bits AS bits FROM search.model_document WHERE model_id = $1`,
            [base.id],
          )
        )[0]!.bits;
      const variants = [
        ...MATURITY_LEVELS.map((maturity) => ({
          maturity,
          tiers: [] as string[],
          expected: FACET_BITS.maturity[maturity],
        })),
        ...TIERS.map((tier) => ({
          maturity: 'SFW',
          tiers: [tier],
          expected: FACET_BITS.maturity.SFW | FACET_BITS.tier[tier],
        })),
      ];
      for (const { maturity, tiers, expected } of variants) {
        await engine.upsert([
          {
            ...base,
            maturity,
            tiers,
            free: false,
            minPrice: null,
            commercialUse: false,
            derivativesAllowed: false,
            creditRequired: false,
          },
        ]);
        expect([maturity, tiers, await bitsOf()]).toEqual([maturity, tiers, expected]);
      }
      await engine.upsert([
        {
          ...base,
          kind: 'TEMPLATE',
          maturity: 'SFW',
          tiers: [],
          free: true,
          minPrice: { tier: 'PERSONAL', amount: 100, currency: 'USD' },
          commercialUse: true,
          derivativesAllowed: true,
          creditRequired: true,
        },
      ]);
      expect(await bitsOf()).toBe(
        FACET_BITS.template |
          FACET_BITS.maturity.SFW |
          FACET_BITS.free |
          FACET_BITS.paid |
          FACET_BITS.commercialUse |
          FACET_BITS.derivativesAllowed |
          FACET_BITS.creditRequired,
      );
      await sync.syncModels([base.id]);
    });

    it('keeps the lexicon, tag counts and creator rows equal to the documents', async () => {
      const { bed, sync, all } = ctx();
      // Churn: rename and retag a few models, then sync them again.
      for (const d of all.slice(0, 6))
        await bed.dataSource.query(`UPDATE catalog.style_model SET name = name || ' Zephyr' WHERE id = $1`, [d.id]);
      await sync.syncModels(all.slice(0, 6).map((d) => d.id));
      const drift = await bed.dataSource.query(`
      SELECT coalesce(l.word, w.word) AS word, l.documents, w.documents AS actual
        FROM search.lexicon l
        FULL JOIN (SELECT word, count(*)::int AS documents FROM search.model_document, unnest(words) word GROUP BY word) w
          ON w.word = l.word
       WHERE coalesce(l.documents, 0) <> coalesce(w.documents, 0)`);
      expect(drift).toEqual([]);
      const tagDrift = await bed.dataSource.query(`
      SELECT coalesce(t.tag, a.tag) AS tag FROM search.tag t
        FULL JOIN (SELECT tag, count(*)::int AS documents FROM search.model_document, unnest(tags) tag GROUP BY tag) a
          ON a.tag = t.tag
       WHERE coalesce(t.documents, 0) <> coalesce(a.documents, 0)`);
      expect(tagDrift).toEqual([]);
      const creatorDrift = await bed.dataSource.query(`
      SELECT coalesce(c.owner_id, a.owner_id) AS owner_id FROM search.creator c
        FULL JOIN (SELECT owner_id, (count(*) FILTER (WHERE kind = 'MODEL'))::int AS models,
                          (count(*) FILTER (WHERE kind = 'TEMPLATE'))::int AS templates
                     FROM search.model_document GROUP BY owner_id) a
          ON a.owner_id = c.owner_id
       WHERE coalesce(c.models, 0) <> coalesce(a.models, 0) OR coalesce(c.templates, 0) <> coalesce(a.templates, 0)`);
      expect(creatorDrift).toEqual([]);
      expect(await bed.dataSource.query(`SELECT count(*)::int AS n FROM search.creator`)).toEqual([
        { n: new Set(all.map((d) => d.ownerId)).size },
      ]);
    });
  },
);
