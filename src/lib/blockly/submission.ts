// A pupil's submission from the exercise player: kept on the device first (offline/outbox.ts), then
// sent. The server grades it or refuses it; without a network it waits on the device and is sent
// later (offline/sync.ts), under the same key, so it is never counted twice.
import * as outbox from '$lib/offline/outbox';
import { sendOne } from '$lib/offline/sync';

/** Whose submission it is, for the queue kept on the device (pupil mode). */
export interface Owner {
	pupilId: number;
	exerciseId: number;
	title: string;
}

/**
 * Sends the workspace `text` to `url` (a preview without an owner is not kept on the device);
 * `onBusy` is called while a busy server has it wait and retry.
 */
export async function sendSubmission(
	url: string,
	text: string,
	owner: Owner | undefined,
	timeSpentMs: number,
	onBusy: () => void
): Promise<outbox.Sent> {
	const q: outbox.Queued = {
		key: outbox.newKey(),
		pupilId: owner?.pupilId ?? 0,
		exerciseId: owner?.exerciseId ?? 0,
		title: owner?.title ?? '',
		url,
		workspace: text,
		timeSpentMs,
		madeAt: Date.now()
	};
	if (owner) await outbox.put(q);
	return sendOne(q, onBusy);
}
