import { formatSql } from './format-sql';

/** Whitespace-insensitive text: what PostgreSQL sees, ignoring layout. */
const tokens = (sql: string) => sql.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim();

describe('formatSql', () => {
  const generated = [
    `SELECT "u"."id" AS "u_id", "u"."handle" AS "u_handle" FROM "identity"."user" "u" WHERE "u"."email" = $1 OR "u"."handle" = $1 LIMIT 1`,
    `SELECT DISTINCT "d"."id" AS "ids" FROM (SELECT "m"."id" AS "id" FROM "catalog"."style_model" "m" LEFT JOIN "identity"."public_profile" "p" ON "p"."id" = "m"."owner_id" WHERE "m"."status" = 'PUBLISHED') "d" ORDER BY "d"."id" DESC LIMIT 21`,
    `UPDATE "catalog"."model_file" SET "scan_status" = $1, "updated_at" = $2 WHERE "id" = $3`,
    `INSERT INTO "catalog"."blocked_hash"("sha256", "reason") VALUES ($1, $2) ON CONFLICT ( "sha256" ) DO UPDATE SET "reason" = EXCLUDED."reason" RETURNING "sha256"`,
    `DELETE FROM "identity"."session" WHERE "expires_at" < $1`,
  ];

  it.each(generated)('changes nothing but whitespace in %s', (sql) => {
    const formatted = formatSql(sql);
    expect(tokens(formatted)).toBe(`${tokens(sql)};`);
    expect(formatted.split('\n').length).toBeGreaterThan(1);
  });

  it('breaks generated SQL before its clauses, one selected column per line, subqueries indented', () => {
    expect(formatSql(generated[1]!)).toBe(
      [
        'SELECT DISTINCT',
        '  "d"."id" AS "ids"',
        'FROM (',
        '  SELECT',
        '    "m"."id" AS "id"',
        '  FROM "catalog"."style_model" "m"',
        '  LEFT JOIN "identity"."public_profile" "p" ON "p"."id" = "m"."owner_id"',
        `  WHERE "m"."status" = 'PUBLISHED'`,
        ') "d"',
        'ORDER BY "d"."id" DESC',
        'LIMIT 21;',
      ].join('\n'),
    );
    expect(formatSql(generated[4]!)).toBe('DELETE FROM "identity"."session"\nWHERE "expires_at" < $1;');
  });

  it('never breaks inside quoted text, a call or a FILTER', () => {
    const sql = `SELECT 'a FROM b, WHERE c' AS "x FROM y", count(*) FILTER (WHERE a IS DISTINCT FROM b) FROM t`;
    expect(formatSql(sql)).toBe(
      `SELECT\n  'a FROM b, WHERE c' AS "x FROM y",\n  count(*) FILTER (WHERE a IS DISTINCT FROM b)\nFROM t;`,
    );
    expect(formatSql(`SELECT 'it''s  FROM  here' FROM t`)).toBe(`SELECT\n  'it''s  FROM  here'\nFROM t;`);
  });

  it("keeps hand-written SQL's layout, dedented, without blank lines, runs of spaces or a doubled semicolon", () => {
    const sql = `SELECT v.id,  v.status
         FROM catalog.model_version v

           JOIN catalog.style_model m ON m.id = v.model_id   
        WHERE v.id = ANY($1::uuid[]) ;  `;
    expect(formatSql(sql)).toBe(
      [
        'SELECT v.id, v.status',
        ' FROM catalog.model_version v',
        '   JOIN catalog.style_model m ON m.id = v.model_id',
        'WHERE v.id = ANY($1::uuid[]);',
      ].join('\n'),
    );
  });

  it('continues a long condition before each AND outside parentheses', () => {
    const conditions = Array.from({ length: 12 }, (_, i) => `d.column_${i} = $${i + 1}`);
    const sql = `SELECT d.id FROM search.model_document d WHERE (d.a OR d.b AND d.c) AND ${conditions.join(' AND ')}`;
    const lines = formatSql(sql).split('\n');
    expect(lines).toContain('WHERE (d.a OR d.b AND d.c)');
    expect(lines.filter((l) => l.startsWith('  AND d.column_'))).toHaveLength(12);
    expect(tokens(lines.join('\n'))).toBe(`${tokens(sql)};`);
  });

  it('is stable: formatting its own output changes nothing', () => {
    for (const sql of generated) {
      const once = formatSql(sql);
      expect(formatSql(once)).toBe(once);
    }
  });
});
