// Folds SQLite's write-ahead log back into the database file off the request thread. Left to itself,
// SQLite checkpoints inside the commit that crosses 1,000 pages of log: that commit (an autosave) then
// writes and fsyncs megabytes while the process answers nobody. This thread opens its own connection
// and runs a PASSIVE checkpoint (it never waits for readers or writers) every `everyMs`; the server's
// connections keep a far higher threshold only as a safety net (db/checkpoints.ts).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { path, everyMs } = workerData as { path: string; everyMs: number };
const db = new Database(path);
db.pragma('busy_timeout = 0');
db.pragma('synchronous = FULL');

const timer = setInterval(() => {
	try {
		db.pragma('wal_checkpoint(PASSIVE)');
	} catch {
		// Busy (another checkpoint runs): the next turn tries again.
	}
}, everyMs);

parentPort?.on('message', (m) => {
	if (m !== 'stop') return;
	clearInterval(timer);
	db.close();
	parentPort?.close();
});
