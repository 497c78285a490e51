// In the browser: photos are downscaled before they travel (longest side 1600 px) to spare the
// school's Wi-Fi, then sent one by one. A send cut off by the network (or a busy server) waits and
// tries again, with growing pauses and at once when the browser comes back online; a refusal by the
// server (a bad file) is shown and not retried. Each upload carries a key, so a retry is stored once.

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
		return await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b ?? file), 'image/jpeg', 0.85));
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

export function createUploadQueue(url: string, onChange: (jobs: UploadJob[]) => void, onStored: () => void) {
	const jobs: Internal[] = [];
	let busy = false;
	const emit = () => onChange(jobs.map(({ key, name, stepKey, state, message, tries }) => ({ key, name, stepKey, state, message, tries })));

	async function pump() {
		if (busy) return;
		const job = jobs.find((j) => j.state === 'preparing' || (j.state === 'waiting' && !j.timer));
		if (!job) return;
		busy = true;
		job.state = 'sending';
		emit();
		try {
			job.blob ??= await downscale(job.file);
			const body = new FormData();
			body.set('stepKey', job.stepKey);
			body.set('caption', job.caption);
			body.set('clientKey', job.key);
			body.set('photo', new File([job.blob], job.name, { type: job.blob.type || job.file.type }));
			const res = await fetch(url, { method: 'POST', body, headers: { accept: 'application/json' } });
			if (res.ok) {
				job.state = 'done';
				onStored();
			} else if (res.status >= 500 || res.status === 408 || res.status === 429) {
				retryLater(job);
			} else {
				const data = await res.json().catch(() => ({}));
				job.state = 'refused';
				job.message = data.message;
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
		for (const j of jobs) if (j.state === 'waiting' && j.timer) {
			clearTimeout(j.timer);
			j.timer = undefined;
		}
		void pump();
	};
	if (typeof window !== 'undefined') window.addEventListener('online', online);

	return {
		add(file: File, stepKey: string, caption: string) {
			jobs.push({ key: crypto.randomUUID(), name: file.name, stepKey, caption, file, state: 'preparing', tries: 0 });
			emit();
			void pump();
		},
		destroy() {
			if (typeof window !== 'undefined') window.removeEventListener('online', online);
			for (const j of jobs) if (j.timer) clearTimeout(j.timer);
		}
	};
}
