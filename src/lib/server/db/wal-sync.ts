// A group's commit made durable off the thread that answers requests. Under synchronous=FULL the
// COMMIT itself fsyncs the write-ahead log, on that thread: 1.5–3 ms per group on average in a lab
// hour, 32 ms at worst, during which no request is answered. A group commits instead under
// synchronous=NORMAL (SQLite writes the log without syncing it; it still syncs the log before a
// checkpoint and the database after one) and then syncs the log with fdatasync on libuv's threads;
// its callers hear back only once that sync returned (group-commit.ts). What was acknowledged is on
// the disk, as under FULL; unlike FULL, other readers may see a group's rows the few milliseconds
// before they are.
import { close, fdatasync, openSync } from 'node:fs';
import { promisify } from 'node:util';
import type SQLite from 'better-sqlite3';

const datasync = promisify(fdatasync);

export interface WalFile {
	/** The log's path: the database file's (links resolved, as SQLite does), with `-wal`. */
	readonly path: string;
	/** The log, opened on the first sync (SQLite makes it on the first write). */
	fd?: number;
	/** Syncs done, for tests and benchmarks. */
	syncs: number;
	/** Syncs under way: the descriptor is closed only once they are done. */
	running: Set<Promise<void>>;
	/** The last sync begun: each sync returns only after the one before it (see syncWal). */
	last?: Promise<void>;
	/**
	 * Set when a sync failed: the kernel may have dropped the pages it could not write, so a later
	 * sync could succeed over a log with a hole in it. Every later group is refused.
	 */
	failed?: Error;
	closed?: boolean;
}

/** The log of a connection in WAL mode on a file; null for ':memory:' or another journal mode. */
export function walFileOf(sqlite: SQLite.Database): WalFile | null {
	if (sqlite.memory || sqlite.pragma('journal_mode', { simple: true }) !== 'wal') return null;
	const main = (sqlite.pragma('database_list') as { name: string; file: string }[]).find(
		(d) => d.name === 'main'
	);
	if (!main?.file) return null;
	return { path: `${main.file}-wal`, syncs: 0, running: new Set() };
}

const logs = new WeakMap<object, WalFile>();

/** Notes that the database `db` (a Kysely instance) writes the log `wal` (connect.ts). */
export function rememberWal(db: object, wal: WalFile): void {
	logs.set(db, wal);
}

/** The log `db` writes, if it is a SQLite file in WAL mode opened by openDatabase. */
export function walOf(db: object): WalFile | undefined {
	return logs.get(db);
}

/** Syncs the log to the disk: every frame written before the call is durable when it resolves. */
export function syncWal(wal: WalFile): Promise<void> {
	if (wal.failed) return Promise.reject(wal.failed);
	if (wal.closed) return Promise.reject(new Error('the database is closed'));
	let fd: number;
	try {
		fd = wal.fd ??= openSync(wal.path, 'r');
	} catch (e) {
		return Promise.reject(failed(wal, e as Error));
	}
	// Each sync returns in the order they began, after the one before it: a later one returning first
	// covers the earlier groups' frames too, but `syncs` then counts the groups known durable, in order
	// (a sync that failed fails the ones after it, as every later group is refused anyway).
	const before = wal.last;
	const sync = datasync(fd).then(
		async () => {
			await before;
			wal.syncs++;
		},
		(e: Error) => {
			throw failed(wal, e);
		}
	);
	wal.last = sync;
	wal.running.add(sync);
	const done = () => wal.running.delete(sync);
	sync.then(done, done);
	return sync;
}

/** A sync that failed: the log is no longer trusted, and the server's log says so. */
function failed(wal: WalFile, e: Error): Error {
	wal.failed ??= e;
	console.error(
		`Mầm STEM: the database's log could not be synced (${e.message}); saves are refused until the server restarts.`
	);
	return e;
}

/** Closes the log's descriptor once the syncs under way are done (when the connection closes). */
export function closeWal(wal: WalFile): void {
	if (wal.closed) return;
	wal.closed = true;
	void Promise.allSettled([...wal.running]).then(() => {
		if (wal.fd !== undefined) close(wal.fd, () => {});
	});
}
