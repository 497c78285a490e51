// Submissions queued on the pupil's device (IndexedDB) until the server has graded them. Each carries a
// key made here, so a resend after a lost reply is recorded once on the server (migration 0014).
// Every submission goes through the queue: stored first, then sent; forgotten only once answered.
import type { WorkspaceRefusal } from '$lib/blockly/labels';
import type { Verdict } from '$lib/blockly/verdict';
import { postUntilServed } from '$lib/blockly/submit';

export interface Queued {
	key: string;
	pupilId: number;
	exerciseId: number;
	title: string;
	url: string;
	workspace: string;
	timeSpentMs: number;
	madeAt: number;
}

export type Graded = { verdict: Verdict; stars: number; attemptId: number; duplicate?: boolean };
export type Sent =
	| { kind: 'graded'; body: Graded }
	| { kind: 'refused'; body: { refused: WorkspaceRefusal; detail?: string } }
	| { kind: 'later' };

const DB_NAME = 'mamstem-outbox';
const STORE = 'submissions';

function openDb(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB_NAME, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

async function tx<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>) {
	const db = await openDb();
	try {
		return await new Promise<T>((resolve, reject) => {
			const t = db.transaction(STORE, mode);
			const req = fn(t.objectStore(STORE));
			t.oncomplete = () => resolve(req.result);
			t.onerror = () => reject(t.error);
		});
	} finally {
		db.close();
	}
}

/** A key no other submission has: 16 random bytes in hex (crypto.randomUUID needs https). */
export function newKey(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return 's-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function put(q: Queued): Promise<boolean> {
	try {
		await tx('readwrite', (s) => s.put(q));
		return true;
	} catch {
		return false; // no IndexedDB (private mode): sent once, not kept
	}
}

export async function remove(key: string) {
	try {
		await tx('readwrite', (s) => s.delete(key));
	} catch {
		// nothing kept, nothing to remove
	}
}

/** The pupil's queued submissions, oldest first. */
export async function list(pupilId: number): Promise<Queued[]> {
	try {
		const all = await tx<Queued[]>('readonly', (s) => s.getAll());
		return all.filter((q) => q.pupilId === pupilId).sort((a, b) => a.madeAt - b.madeAt);
	} catch {
		return [];
	}
}

/** The server's answer; "later" for no network, a busy or failing server, or a signed-out session. */
export async function send(q: Queued, onBusy: () => void = () => {}): Promise<Sent> {
	let res: Response;
	try {
		// A busy server (503, its grading pool full) is asked again after its Retry-After.
		res = await postUntilServed(
			q.url,
			{ workspace: q.workspace, timeSpentMs: q.timeSpentMs, key: q.key, madeAt: q.madeAt },
			onBusy
		);
	} catch {
		return { kind: 'later' };
	}
	const isJson = res.headers.get('content-type')?.includes('application/json');
	if (res.redirected || !isJson || res.status >= 500 || res.status === 429 || res.status === 408)
		return { kind: 'later' };
	const body = await res.json().catch(() => null);
	if (!body) return { kind: 'later' };
	if (res.ok && !body.refused) return { kind: 'graded', body };
	if (res.status === 401 || res.status === 403) return { kind: 'later' };
	return { kind: 'refused', body: { refused: body.refused ?? 'malformed', detail: body.detail } };
}
