// In the browser: photos are downscaled before they travel (longest side 1600 px) to spare the
// school's Wi-Fi, then sent one by one. A send cut off by the network (or a busy server) waits and
// tries again, with growing pauses and at once when the browser comes back online; a refusal by the
// server (a bad file) is shown and not retried. Each upload carries a key, so a retry is stored once.
// Waiting photos are also kept in the browser's IndexedDB, so closing the tab or a reload loses none:
// the page sends them when it opens again. A photo the server would refuse for its format (an
// iPhone's HEIC, which the browser could not read) or its size is refused at once, unsent.

import { projectError } from './messages';
import { precheckPhoto } from './photo-format';

const IDB_NAME = 'mam-stem-uploads';
const IDB_STORE = 'pending';

interface Saved {
	key: string;
	url: string;
	stepKey: string;
	caption: string;
	name: string;
	blob: Blob;
}

function openStore(): Promise<IDBDatabase | null> {
	return new Promise((resolve) => {
		if (typeof indexedDB === 'undefined') return resolve(null);
		const req = indexedDB.open(IDB_NAME, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(IDB_STORE, { keyPath: 'key' });
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => resolve(null);
	});
}

async function withStore<T>(
	mode: IDBTransactionMode,
	fn: (s: IDBObjectStore) => IDBRequest<T>
): Promise<T | null> {
	const db = await openStore();
	if (!db) return null;
	return new Promise((resolve) => {
		const req = fn(db.transaction(IDB_STORE, mode).objectStore(IDB_STORE));
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => resolve(null);
	});
}

const remember = (s: Saved) => withStore('readwrite', (st) => st.put(s)).catch(() => null);
const forget = (key: string) => withStore('readwrite', (st) => st.delete(key)).catch(() => null);

/** Photos of this upload address that were waiting when the page was last closed. */
export async function savedUploads(url: string): Promise<Saved[]> {
	const all = ((await withStore('readonly', (st) => st.getAll()).catch(() => null)) ??
		[]) as Saved[];
	return all.filter((s) => s.url === url);
}

export const MAX_SIDE = 1600;

export async function downscale(file: File, maxSide = MAX_SIDE): Promise<Blob> {
	try {
		const bitmap = await createImageBitmap(file);
		const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
		if (scale === 1 && file.size < 1_000_000) return file;
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(bitmap.width * scale);
		canvas.height = Math.round(bitmap.height * scale);
		canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
		bitmap.close();
		return await new Promise<Blob>((resolve) =>
			canvas.toBlob((b) => resolve(b ?? file), 'image/jpeg', 0.85)
		);
	} catch {
		return file; // not a picture the browser can read: the server will say why
	}
}

export type JobState = 'preparing' | 'sending' | 'waiting' | 'done' | 'refused';

export interface UploadJob {
	key: string;
	name: string;
	stepKey: string;
	state: JobState;
	message?: string;
	tries: number;
}

interface Internal extends UploadJob {
	file: File;
	caption: string;
	blob?: Blob;
	timer?: ReturnType<typeof setTimeout>;
}

export function createUploadQueue(
	url: string,
	onChange: (jobs: UploadJob[]) => void,
	onStored: () => void
) {
	const jobs: Internal[] = [];
	let busy = false;
	const emit = () =>
		onChange(
			jobs.map(({ key, name, stepKey, state, message, tries }) => ({
				key,
				name,
				stepKey,
				state,
				message,
				tries
			}))
		);

	async function pump() {
		if (busy) return;
		const job = jobs.find((j) => j.state === 'preparing' || (j.state === 'waiting' && !j.timer));
		if (!job) return;
		busy = true;
		job.state = 'sending';
		emit();
		try {
			if (!job.blob) {
				const blob = await downscale(job.file);
				const refusal = await precheckPhoto(blob, job.name);
				if (refusal) {
					job.state = 'refused';
					job.message = projectError(refusal);
					busy = false;
					emit();
					void pump();
					return;
				}
				job.blob = blob;
				await remember({
					key: job.key,
					url,
					stepKey: job.stepKey,
					caption: job.caption,
					name: job.name,
					blob: job.blob
				});
			}
			const body = new FormData();
			body.set('stepKey', job.stepKey);
			body.set('caption', job.caption);
			body.set('clientKey', job.key);
			body.set('photo', new File([job.blob], job.name, { type: job.blob.type || job.file.type }));
			const res = await fetch(url, {
				method: 'POST',
				body,
				headers: { accept: 'application/json' }
			});
			if (res.ok) {
				job.state = 'done';
				void forget(job.key);
				onStored();
			} else if (res.status >= 500 || res.status === 408 || res.status === 429) {
				retryLater(job);
			} else {
				const data = await res.json().catch(() => ({}));
				job.state = 'refused';
				job.message = data.message;
				void forget(job.key);
			}
		} catch {
			retryLater(job); // the network dropped: keep the photo and try again
		}
		busy = false;
		emit();
		void pump();
	}

	function retryLater(job: Internal) {
		job.tries++;
		job.state = 'waiting';
		const delay = Math.min(30_000, 1000 * 2 ** Math.min(job.tries - 1, 5));
		job.timer = setTimeout(() => {
			job.timer = undefined;
			void pump();
		}, delay);
	}

	const online = () => {
		for (const j of jobs)
			if (j.state === 'waiting' && j.timer) {
				clearTimeout(j.timer);
				j.timer = undefined;
			}
		void pump();
	};
	if (typeof window !== 'undefined') window.addEventListener('online', online);

	return {
		add(file: File, stepKey: string, caption: string) {
			jobs.push({
				key: crypto.randomUUID(),
				name: file.name,
				stepKey,
				caption,
				file,
				state: 'preparing',
				tries: 0
			});
			emit();
			void pump();
		},
		/** A photo saved before the page was closed: same key, so the server stores it once. */
		resume(s: Saved) {
			if (jobs.some((j) => j.key === s.key)) return;
			jobs.push({
				key: s.key,
				name: s.name,
				stepKey: s.stepKey,
				caption: s.caption,
				file: new File([s.blob], s.name),
				blob: s.blob,
				state: 'preparing',
				tries: 0
			});
			emit();
			void pump();
		},
		destroy() {
			if (typeof window !== 'undefined') window.removeEventListener('online', online);
			for (const j of jobs) if (j.timer) clearTimeout(j.timer);
		}
	};
}
