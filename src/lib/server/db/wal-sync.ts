// A group's commit made durable off the thread that answers requests. Under synchronous=FULL the
// COMMIT itself fsyncs the write-ahead log, on that thread: 3–32 ms per group in a lab hour, during
// which no request is answered. A group commits instead under synchronous=NORMAL (SQLite writes the
// log without syncing it; checkpoints still sync the log before copying it and the database after)
// and then syncs the log with fdatasync on libuv's threads; its callers hear back only once that
// sync returned. What was acknowledged is on the disk, as under FULL (group-commit.ts).
import { close, fdatasync, open } from 'node:fs';
import { promisify } from 'node:util';
import type SQLite from 'better-sqlite3';

const openFile = promisify(open);
const datasync = promisify(fdatasync);

export interface WalFile {
	/** The log's path: the database's, with `-wal`. */
	readonly path: string;
	/** The log opened once, on its first sync (SQLite makes it on the first write). */
	fd?: Promise<number>;
	/** Syncs done, for tests and benchmarks. */
	syncs: number;
}

/** The log of a connection in WAL mode on a file; null for ':memory:' or another journal mode. */
export function walFileOf(sqlite: SQLite.Database): WalFile | null {
	if (sqlite.memory || sqlite.pragma('journal_mode', { simple: true }) !== 'wal') return null;
	return { path: `${sqlite.name}-wal`, syncs: 0 };
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
export async function syncWal(wal: WalFile): Promise<void> {
	wal.fd ??= openFile(wal.path, 'r').catch((e) => {
		wal.fd = undefined;
		throw e;
	});
	await datasync(await wal.fd);
	wal.syncs++;
}

/** Closes the log's descriptor (when the connection closes). */
export function closeWal(wal: WalFile): void {
	const fd = wal.fd;
	wal.fd = undefined;
	void fd?.then((n) => close(n, () => {})).catch(() => {});
}
