import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase, testEngine } from './testing';
import { engineOf, type DB } from './index';
import { openDatabase, type Opened } from './connect';
import { groupCommitStats, inGroupCommit, MAX_GROUP } from './group-commit';
import { walOf, type WalFile } from './wal-sync';

describe('group commit', () => {
	let db: DB;
	let close: () => Promise<void>;
	beforeAll(async () => {
		const opened = openTestDatabase();
		db = opened.db;
		close = () => db.destroy();
		const id =
			engineOf(db) === 'postgres' ? sql`id SERIAL PRIMARY KEY` : sql`id INTEGER PRIMARY KEY`;
		await sql`CREATE TABLE gc_probe (${id}, v TEXT NOT NULL UNIQUE)`.execute(db);
	});
	afterAll(() => close());

	const insert = (v: string) => (tx: typeof db) =>
		sql<{ id: number }>`INSERT INTO gc_probe (v) VALUES (${v}) RETURNING id`
			.execute(tx)
			.then((r) => r.rows[0].id);

	test('writes arriving together share a transaction, and each gets its own result', async () => {
		const before = groupCommitStats(db);
		const ids = await Promise.all(
			Array.from({ length: 40 }, (_, i) => inGroupCommit(db, insert(`a${i}`)))
		);
		expect(new Set(ids).size).toBe(40);
		const rows = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM gc_probe`.execute(db);
		expect(Number(rows.rows[0].n)).toBe(40);
		const after = groupCommitStats(db);
		if (engineOf(db) === 'sqlite') {
			expect(after.writes - before.writes).toBe(40);
			// One group, or a few: far fewer commits than writes.
			expect(after.groups - before.groups).toBeLessThanOrEqual(2);
		}
	});

	// SQLite only: on PostgreSQL each write runs as it comes, outside any group.
	test.skipIf(testEngine() !== 'sqlite')(
		'a write that fails is undone alone; the others of its group commit',
		async () => {
			const results = await Promise.allSettled([
				inGroupCommit(db, insert('b1')),
				inGroupCommit(db, async (tx) => {
					await insert('b-partial')(tx);
					return insert('a0')(tx); // violates UNIQUE: its whole write is undone
				}),
				inGroupCommit(db, insert('b2'))
			]);
			expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
			const rows = await sql<{
				v: string;
			}>`SELECT v FROM gc_probe WHERE v LIKE 'b%' ORDER BY v`.execute(db);
			expect(rows.rows.map((r) => r.v)).toEqual(['b1', 'b2']);
		}
	);

	test('a group holds at most MAX_GROUP writes; the rest form the next ones', async () => {
		const before = groupCommitStats(db);
		const n = MAX_GROUP * 2 + 5;
		await Promise.all(Array.from({ length: n }, (_, i) => inGroupCommit(db, insert(`c${i}`))));
		const after = groupCommitStats(db);
		if (engineOf(db) === 'sqlite') expect(after.groups - before.groups).toBeGreaterThanOrEqual(3);
		const rows = await sql<{
			n: number;
		}>`SELECT COUNT(*) AS n FROM gc_probe WHERE v LIKE 'c%'`.execute(db);
		expect(Number(rows.rows[0].n)).toBe(n);
	});
});

// A file in WAL mode, as the server opens it: a group commits without syncing and its log is synced
// off the thread (wal-sync.ts) before any caller hears back.
describe.skipIf(testEngine() !== 'sqlite')('group commit on a file', () => {
	let dir: string;
	let opened: Opened;
	let wal: WalFile;
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'mam-stem-group-commit-'));
		opened = openDatabase(join(dir, 'app.db'));
		wal = walOf(opened.db)!;
		await sql`CREATE TABLE gc_parent (id INTEGER PRIMARY KEY)`.execute(opened.db);
		await sql`CREATE TABLE gc_probe (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE,
			parent INTEGER REFERENCES gc_parent (id) DEFERRABLE INITIALLY DEFERRED)`.execute(opened.db);
	});
	afterAll(async () => {
		await opened.db.destroy();
		rmSync(dir, { recursive: true, force: true });
	});

	const insert =
		(v: string, parent: number | null = null) =>
		(tx: DB) =>
			sql`INSERT INTO gc_probe (v, parent) VALUES (${v}, ${parent})`.execute(tx);
	const stored = async (like: string) =>
		(
			await sql<{ v: string }>`SELECT v FROM gc_probe WHERE v LIKE ${like} ORDER BY v`.execute(
				opened.db
			)
		).rows.map((r) => r.v);

	test('each caller hears back only after the log was synced past its group', async () => {
		expect(wal).toBeDefined();
		// A write learns its group's number as it runs (the groups committed before it, plus one);
		// when its caller hears back, at least that many syncs must have returned.
		const heard = await Promise.all(
			Array.from({ length: MAX_GROUP * 2 + 10 }, (_, i) => {
				let group = 0;
				return inGroupCommit(opened.db, async (tx) => {
					group = groupCommitStats(opened.db).groups + 1;
					await insert(`s${i}`)(tx);
				}).then(() => ({ group, syncs: wal.syncs }));
			})
		);
		expect(new Set(heard.map((h) => h.group)).size).toBeGreaterThanOrEqual(3);
		for (const h of heard) expect(h.syncs).toBeGreaterThanOrEqual(h.group);
		expect(await stored('s%')).toHaveLength(MAX_GROUP * 2 + 10);
	});

	test('a group whose COMMIT fails stores nothing, and the connection is FULL again', async () => {
		// The deferred foreign key is checked at COMMIT: the whole group fails there.
		const results = await Promise.allSettled([
			inGroupCommit(opened.db, insert('c1')),
			inGroupCommit(opened.db, insert('c2', 999))
		]);
		expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
		expect(await stored('c%')).toEqual([]);
		expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2);
		await inGroupCommit(opened.db, insert('c3'));
		expect(await stored('c%')).toEqual(['c3']);
		expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2);
	});

	test('when the log cannot be synced, no caller is told it was saved, nor any later one', async () => {
		const fd = wal.fd;
		expect(fd).toBeDefined(); // opened by the groups before
		wal.fd = 1 << 30; // no such descriptor: fdatasync fails
		try {
			const results = await Promise.allSettled([
				inGroupCommit(opened.db, insert('u1')),
				inGroupCommit(opened.db, insert('u2'))
			]);
			expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
			wal.fd = fd;
			// The descriptor works again, but a log that failed once is not trusted: refused, unstored.
			await expect(inGroupCommit(opened.db, insert('u3'))).rejects.toThrow();
			expect(await stored('u3')).toEqual([]);
		} finally {
			wal.fd = fd;
			wal.failed = undefined;
		}
	});
});
