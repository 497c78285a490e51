// The one place for SQL that differs between the engines: each function gives SQLite's form and
// PostgreSQL's. Domain code asks here instead of writing engine-specific SQL itself.
import { sql, type RawBuilder } from 'kysely';
import { engineOf, type Conn } from './connect';

export interface TextMatch {
	/** Joined to lesson_search: whether the row has every word, or any of them (the last as a prefix). */
	where: RawBuilder<boolean>;
	/** Best first, as an ORDER BY term (title above aims above activities). */
	rank: RawBuilder<unknown>;
}

/**
 * Full-text match over lesson_search's folded words (already without diacritics): FTS5's MATCH and
 * bm25 on SQLite, a tsquery over the GIN-indexed tsvector and ts_rank on PostgreSQL. `words` are
 * folded [a-z0-9]+ words.
 */
export function lessonTextMatch(db: Conn, words: string[], mode: 'all' | 'any' = 'all'): TextMatch {
	const last = words.length - 1;
	if (engineOf(db) === 'postgres') {
		const query = words
			.map((w, i) => (i === last ? `${w}:*` : w))
			.join(mode === 'all' ? ' & ' : ' | ');
		return {
			where: sql<boolean>`lesson_search.doc @@ to_tsquery('simple', ${query})`,
			rank: sql`ts_rank('{0.0, 0.1, 0.3, 1.0}', lesson_search.doc, to_tsquery('simple', ${query})) DESC`
		};
	}
	const match = words
		.map((w, i) => `"${w}"${i === last ? '*' : ''}`)
		.join(mode === 'all' ? ' ' : ' OR ');
	return {
		where: sql<boolean>`lesson_search MATCH ${match}`,
		rank: sql`bm25(lesson_search, 10.0, 3.0, 1.0)`
	};
}

/**
 * How many of the words a lesson has (joined to lesson_search; the last word as a prefix): to keep
 * lessons that match most of a query's words and list those with more of them first.
 */
export function lessonWordHits(db: Conn, words: string[]): RawBuilder<number> {
	const last = words.length - 1;
	const pg = engineOf(db) === 'postgres';
	const hits = words.map((w, i) =>
		pg
			? sql`(CASE WHEN lesson_search.doc @@ to_tsquery('simple', ${i === last ? `${w}:*` : w}) THEN 1 ELSE 0 END)`
			: sql`(CASE WHEN lessons.id IN (SELECT rowid FROM lesson_search WHERE lesson_search MATCH ${`"${w}"${i === last ? '*' : ''}`}) THEN 1 ELSE 0 END)`
	);
	return sql<number>`(${sql.join(hits, sql` + `)})`;
}

/**
 * Runs `work` in a transaction (the one `db` already is, or a new one) after locking one row, so that
 * a check and the change it allows cannot interleave with another request's: `SELECT … FOR UPDATE` on
 * PostgreSQL (a second caller waits for the first to commit, then reads what it left); on SQLite a
 * transaction holds the write lock from its start (BEGIN IMMEDIATE), so one runs at a time anyway.
 */
export async function withRowLock<T>(
	db: Conn,
	table: 'classes',
	id: number,
	work: (tx: Conn) => Promise<T>
): Promise<T> {
	const locked = async (tx: Conn) => {
		if (engineOf(tx) === 'postgres')
			await tx.selectFrom(table).select('id').where('id', '=', id).forUpdate().execute();
		return work(tx);
	};
	return db.isTransaction ? locked(db) : db.transaction().execute(locked);
}

/**
 * Whether `e` is a unique index's refusal of a row: PostgreSQL names the index (SQLSTATE 23505);
 * SQLite names the index's columns instead (`table.column`, every one of them).
 */
export function isUniqueViolation(e: unknown, index: string, columns: string[]): boolean {
	const err = e as { code?: string; constraint?: string; message?: string } | null;
	if (err?.code === '23505') return err.constraint === index;
	return (
		err?.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
		columns.every((c) => err.message?.includes(c) === true)
	);
}
