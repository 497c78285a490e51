import { describe, expect, test } from 'vitest';
import SQLite from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, preparedOnce } from './connect';

describe('statements prepared once per connection', () => {
	test('the same SQL gets the same statement; one still being read gets a fresh one', () => {
		const sqlite = new SQLite(':memory:');
		sqlite.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)');
		const handle = preparedOnce(sqlite);
		const a = handle.prepare('SELECT n FROM t');
		expect(handle.prepare('SELECT n FROM t')).toBe(a);
		const reading = a.iterate();
		reading.next();
		const b = handle.prepare('SELECT n FROM t');
		expect(b).not.toBe(a);
		expect(b.all()).toHaveLength(3);
		reading.return?.();
		expect(handle.prepare('SELECT n FROM t')).toBe(a);
		sqlite.close();
	});

	test('past 500 different statements the oldest is dropped, and queries still answer', () => {
		const sqlite = new SQLite(':memory:');
		const handle = preparedOnce(sqlite);
		const first = handle.prepare('SELECT 0');
		for (let i = 1; i <= 500; i++) handle.prepare(`SELECT ${i}`);
		expect(handle.prepare('SELECT 0')).not.toBe(first);
		expect(handle.prepare('SELECT 0').pluck().get()).toBe(0);
		sqlite.close();
	});

	test('Kysely over the kept statements reads what it wrote, again and again', async () => {
		const { db, sqlite } = openDatabase(':memory:');
		sqlite.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
		for (let i = 0; i < 3; i++)
			await db
				.insertInto('notes' as never)
				.values({ text: `ghi chú ${i}` } as never)
				.execute();
		const rows = await db
			.selectFrom('notes' as never)
			.select('text' as never)
			.execute();
		expect(rows).toEqual([{ text: 'ghi chú 0' }, { text: 'ghi chú 1' }, { text: 'ghi chú 2' }]);
		await db.destroy();
	});
});

describe('another process writing', () => {
	test('a query waits for it without blocking the event loop, then succeeds', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'mam-stem-busy-'));
		const other = openDatabase(join(dir, 'x.db')).sqlite;
		other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
		const { db, sqlite } = openDatabase(join(dir, 'x.db'));
		// The other "process" holds the write lock for 150 ms; its commit runs on this event loop, so a
		// blocking wait here (SQLite's own busy timeout) would never let it commit.
		other.exec('BEGIN IMMEDIATE');
		other.prepare('INSERT INTO notes (text) VALUES (?)').run('trước');
		setTimeout(() => other.exec('COMMIT'), 150);
		let turns = 0;
		const timer = setInterval(() => turns++, 5);
		const started = Date.now();
		await db
			.insertInto('notes' as never)
			.values({ text: 'sau' } as never)
			.execute();
		await db.transaction().execute(async (tx) => {
			await tx
				.insertInto('notes' as never)
				.values({ text: 'trong giao dịch' } as never)
				.execute();
		});
		clearInterval(timer);
		expect(Date.now() - started).toBeGreaterThanOrEqual(100);
		expect(turns).toBeGreaterThan(5);
		expect(sqlite.prepare('SELECT text FROM notes ORDER BY id').pluck().all()).toEqual([
			'trước',
			'sau',
			'trong giao dịch'
		]);
		await db.destroy();
		other.close();
	});
});
