// Group commit for SQLite: the small writes that arrive together (a lab's autosaves, its submissions)
// share one transaction, so one fsync (synchronous=FULL) makes a whole group durable instead of one
// fsync per write on the thread that answers requests. Each write runs in its own savepoint: one that
// fails is undone alone and its caller gets its error; the others commit. Every caller's promise
// settles only after its group is on the disk, so an acknowledged write survives a crash: on a file,
// the group commits without syncing and its log is synced off this thread (wal-sync.ts) while the
// next group runs (other readers may see its rows the few milliseconds before they are durable).
// PostgreSQL groups concurrent commits itself: there each write runs as it comes.
import { sql } from 'kysely';
import { engineOf, type Conn, type DB } from './connect';
import { syncWal, walOf, type WalFile } from './wal-sync';

/** Writes in one group at most (a group's transaction holds the connection while it runs). */
export const MAX_GROUP = 64;

type Write = (tx: Conn) => Promise<unknown>;

interface Pending {
	write: Write;
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
}

interface Queue {
	pending: Pending[];
	flushing: boolean;
	/** Groups committed and writes in them, for tests and benchmarks. */
	groups: number;
	writes: number;
}

const queues = new WeakMap<DB, Queue>();

function queueOf(db: DB): Queue {
	let q = queues.get(db);
	if (!q) queues.set(db, (q = { pending: [], flushing: false, groups: 0, writes: 0 }));
	return q;
}

/**
 * Runs `write` in the next group's transaction (SQLite), or at once (PostgreSQL, or when `db` is
 * already a transaction). Resolves with what `write` returned once the group is committed.
 */
export function inGroupCommit<T>(db: Conn, write: (tx: Conn) => Promise<T>): Promise<T> {
	if (db.isTransaction || engineOf(db) === 'postgres') return write(db);
	const q = queueOf(db as DB);
	return new Promise<T>((resolve, reject) => {
		q.pending.push({ write, resolve: resolve as (v: unknown) => void, reject });
		// The first write of a group waits for the requests already read in this turn of the loop.
		if (!q.flushing && q.pending.length === 1) setImmediate(() => void flush(db as DB, q));
	});
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

async function inSavepoint(tx: Conn, write: Write): Promise<Outcome> {
	await sql`SAVEPOINT group_write`.execute(tx);
	try {
		const value = await write(tx);
		await sql`RELEASE group_write`.execute(tx);
		return { ok: true, value };
	} catch (error) {
		await sql`ROLLBACK TO group_write`.execute(tx);
		await sql`RELEASE group_write`.execute(tx);
		return { ok: false, error };
	}
}

async function flush(db: DB, q: Queue): Promise<void> {
	q.flushing = true;
	const batch = q.pending.splice(0, MAX_GROUP);
	const wal = walOf(db);
	let outcomes: Outcome[];
	try {
		// The log could not be synced once: nothing more is stored and reported saved (wal-sync.ts).
		if (wal?.failed) throw wal.failed;
		outcomes = wal ? await commitUnsynced(db, batch, wal) : await commit(db, batch);
	} catch (error) {
		// The transaction itself failed (the database busy past its wait, the disk full): nothing of
		// the group was stored, and every caller hears it.
		for (const p of batch) p.reject(error);
		return;
	} finally {
		q.flushing = false;
		// Writes that came while this group committed form the next one (while this one syncs).
		if (q.pending.length) setImmediate(() => void flush(db, q));
	}
	q.groups++;
	q.writes += batch.length;
	try {
		if (wal) await syncWal(wal);
	} catch (error) {
		// Committed, but not known to be on the disk: no caller is told it was saved, and every later
		// group is refused (wal-sync.ts).
		for (const p of batch) p.reject(error);
		return;
	}
	batch.forEach((p, i) => {
		const o = outcomes[i];
		if (o.ok) p.resolve(o.value);
		else p.reject(o.error);
	});
}

/** The group in one transaction, committed as the connection is set (synchronous=FULL: synced). */
async function commit(db: Conn, batch: Pending[]): Promise<Outcome[]> {
	const outcomes: Outcome[] = [];
	await db.transaction().execute(async (tx) => {
		for (const p of batch) outcomes.push(await inSavepoint(tx, p.write));
	});
	return outcomes;
}

/**
 * The group committed under synchronous=NORMAL, its log synced afterwards by flush (wal-sync.ts),
 * on the connection held throughout: no other query runs between the pragmas and the transaction,
 * so every other write on it stays synchronous=FULL.
 */
function commitUnsynced(db: DB, batch: Pending[], wal: WalFile): Promise<Outcome[]> {
	return db.connection().execute(async (conn) => {
		await sql`PRAGMA synchronous = NORMAL`.execute(conn);
		try {
			return await commit(conn, batch);
		} finally {
			await backToFull(conn, wal);
		}
	});
}

/** synchronous=FULL again; if it cannot be (the connection left inside a transaction), no group more. */
async function backToFull(conn: Conn, wal: WalFile): Promise<void> {
	try {
		await sql`PRAGMA synchronous = FULL`.execute(conn);
	} catch {
		// A COMMIT and then its ROLLBACK failed: the transaction is still open, and SQLite changes no
		// safety level inside one.
		await sql`ROLLBACK`.execute(conn).catch(() => {});
		await sql`PRAGMA synchronous = FULL`.execute(conn).catch((e: Error) => {
			wal.failed ??= e;
			console.error(
				`Mầm STEM: the database connection could not be set back to synchronous=FULL (${e.message}); saves are refused until the server restarts.`
			);
		});
	}
}

/** How many groups were committed on `db` and how many writes they held. */
export function groupCommitStats(db: DB): { groups: number; writes: number } {
	const q = queueOf(db);
	return { groups: q.groups, writes: q.writes };
}
