// Sends the queued submissions (when the page opens, when the network returns, and every little while
// while some wait) and hands each answer to whoever shows it: the exercise's own player if it is open,
// the notice of the pupil's pages shows it (once: the submission is forgotten with it), and the exercise's
// player, if open, updates its best stars.
import * as outbox from './outbox';

export type Answer = { q: outbox.Queued; sent: outbox.Sent };
type Listener = (a: Answer) => void;

const listeners: Listener[] = [];
const inflight = new Set<string>();

/** Listens for the answers to queued submissions sent by flush(); returns how to stop. */
export function onAnswer(fn: Listener): () => void {
	listeners.push(fn);
	return () => listeners.splice(listeners.indexOf(fn), 1);
}

function announce(a: Answer) {
	for (const fn of [...listeners]) fn(a);
}

/** Sends one submission unless it is on its way already; forgets it once answered. */
export async function sendOne(q: outbox.Queued, onBusy?: () => void): Promise<outbox.Sent> {
	if (inflight.has(q.key)) return { kind: 'later' };
	inflight.add(q.key);
	try {
		const sent = await outbox.send(q, onBusy);
		if (sent.kind !== 'later') await outbox.remove(q.key);
		return sent;
	} finally {
		inflight.delete(q.key);
	}
}

/** Sends every queued submission of the pupil; returns how many still wait. */
export async function flush(pupilId: number): Promise<number> {
	let waiting = 0;
	for (const q of await outbox.list(pupilId)) {
		if (inflight.has(q.key)) continue;
		const sent = await sendOne(q);
		if (sent.kind === 'later') waiting++;
		else announce({ q, sent });
	}
	return waiting;
}
