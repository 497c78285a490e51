import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase } from './connect';
import { checkpointOffThread, SAFETY_NET_PAGES, stopCheckpoints } from './checkpoints';

// SQLite only: the file and its write-ahead log.
describe('checkpoints off the request thread', () => {
	const dir = mkdtempSync(join(tmpdir(), 'mam-stem-checkpoints-'));
	const path = join(dir, 'db.sqlite');
	const opened = openDatabase(path);
	afterAll(async () => {
		await stopCheckpoints();
		opened.sqlite.close();
		rmSync(dir, { recursive: true, force: true });
	});

	test('the log reaches the database file without any commit checkpointing it', async () => {
		opened.sqlite.exec('CREATE TABLE probe (id INTEGER PRIMARY KEY, body TEXT)');
		checkpointOffThread(opened, path);
		expect(opened.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_NET_PAGES);
		const insert = opened.sqlite.prepare('INSERT INTO probe (body) VALUES (?)');
		// About 2,000 pages of log, far below the connection's own threshold: only the thread can
		// have put them in the file.
		for (let i = 0; i < 2000; i++) insert.run('x'.repeat(3000));
		for (let waited = 0; waited < 20_000 && statSync(path).size < 6_000_000; waited += 100)
			await new Promise((r) => setTimeout(r, 100));
		expect(statSync(path).size).toBeGreaterThanOrEqual(6_000_000);
	});
});
