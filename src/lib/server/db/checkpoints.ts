// The server's WAL checkpoints, in a thread of their own (workers/checkpoint.worker.ts).
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Opened } from './connect';
import { workersDir } from '../workers/pool';

/** How often the thread checkpoints. */
export const CHECKPOINT_EVERY_MS = 250;
/** The server's connections checkpoint themselves only past this many pages of log (SQLite: 1,000). */
export const SAFETY_NET_PAGES = 20_000;

let thread: Worker | undefined;

/** Starts checkpointing `opened`'s file in a thread; its connections stop doing it on their commits. */
export function checkpointOffThread(opened: Opened, path: string): void {
	if (thread) return;
	thread = new Worker(join(workersDir(), 'checkpoint.js'), {
		workerData: { path, everyMs: CHECKPOINT_EVERY_MS }
	});
	thread.unref();
	thread.on('error', (e) => {
		console.error('Mầm STEM: the checkpoint thread stopped:', e.message);
		opened.sqlite.pragma('wal_autocheckpoint = 1000');
		thread = undefined;
	});
	opened.sqlite.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
}

/** Ends the thread (before the clean stop's own TRUNCATE checkpoint). */
export async function stopCheckpoints(): Promise<void> {
	const t = thread;
	thread = undefined;
	if (!t) return;
	const ended = new Promise((resolve) => t.once('exit', resolve));
	t.postMessage('stop');
	await ended;
}
