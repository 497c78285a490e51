// The workbook pool: Excel files are written and read in worker threads (workers/sheets.worker.ts).
// One thread per process is enough (a teacher's export is rare next to autosaves); a few more may wait;
// past that the pool is Busy and the route answers 503 with Retry-After.
import { Busy, createPool, type Pool } from '../workers/pool';
import type { Book, Cell, ReadProblem } from './book';

let pool: Pool | undefined;

function sheetsPool(): Pool {
	pool ??= createPool({
		entry: 'sheets',
		threads: 1,
		queue: 8,
		hardLimitMs: 60_000,
		// A backstop only: a zip bomb is stopped before parsing (book.ts, MAX_UNPACKED_BYTES), since a
		// worker out of memory can take the whole process down with it in Node 20.
		heapMb: 256
	});
	return pool;
}

/** The .xlsx file of a book, written in a worker: throws Busy when the pool is full. */
export async function writeOffThread(book: Book): Promise<Uint8Array> {
	return sheetsPool().run<Uint8Array>(book, { name: 'write' });
}

/**
 * The first worksheet's rows, read in a worker. A workbook that unpacks past the ceiling, or whose
 * reading fails or overruns, is unreadable; a full pool throws Busy.
 */
export async function readOffThread(bytes: Uint8Array): Promise<Cell[][] | ReadProblem> {
	try {
		return await sheetsPool().run<Cell[][] | ReadProblem>(bytes, { name: 'read' });
	} catch (e) {
		if (e instanceof Busy) throw e;
		return 'unreadable';
	}
}

/** Lets the workers finish what they hold (a clean stop). */
export async function closeSheetsPool(): Promise<void> {
	const p = pool;
	pool = undefined;
	await p?.close();
}
