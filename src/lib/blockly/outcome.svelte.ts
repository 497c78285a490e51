// What the exercise player's verdict panel says of the last run or submission: the message, passed or
// not, the stars the server gave. A submission's answer becomes it: graded (the server's verdict and
// stars), refused (why), or kept on the device without a network (checked here meanwhile, and marked
// as waiting). A submission kept earlier is followed until the server answers it.
import { m } from '$lib/paraglide/messages';
import type { Sent } from '$lib/offline/outbox';
import { onAnswer } from '$lib/offline/sync';
import { refusalMessage, verdictMessage } from './labels';
import type { Verdict } from './verdict';

/** Told of each grade the server gives this exercise (the page's best stars follow it). */
export type OnGraded = (result: { verdict: Verdict; stars: number }) => void;

export class Outcome {
	message = $state('');
	passed = $state<boolean | null>(null);
	stars = $state<number | null>(null);
	#waiting = false; // the last submission waits on the device for the network
	readonly #manyCases: () => boolean;
	readonly #onGraded: OnGraded;

	/** `manyCases`: the exercise checks several cases (the verdict names the one that failed). */
	constructor(manyCases: () => boolean, onGraded: OnGraded) {
		this.#manyCases = manyCases;
		this.#onGraded = onGraded;
	}

	/** A run's verdict, on the stage or checked here. */
	show(verdict: Verdict): void {
		this.passed = verdict.passed;
		this.message = verdictMessage(verdict, this.#manyCases());
	}

	/**
	 * How to show the server's answer to a submission once the run on the stage has ended. Not
	 * answered (no network): `checkHere` gives the verdict meanwhile; `kept` says the submission waits
	 * on the device, to be sent later (a teacher's preview is not kept).
	 */
	async answered(
		sent: Sent,
		checkHere: () => Promise<Verdict>,
		kept: boolean
	): Promise<() => void> {
		if (sent.kind === 'refused')
			return () => {
				this.passed = false;
				this.message = refusalMessage(sent.body.refused, sent.body.detail);
			};
		if (sent.kind === 'graded')
			return () => {
				this.stars = sent.body.stars;
				this.show(sent.body.verdict);
				this.#onGraded({ verdict: sent.body.verdict, stars: sent.body.stars });
			};
		const here = await checkHere();
		return () => {
			this.passed = here.passed;
			const message = verdictMessage(here);
			this.message = kept ? m.offline_queued({ message }) : m.exercise_not_graded({ message });
			this.#waiting = kept;
			window.dispatchEvent(new Event('mamstem:queued'));
		};
	}

	/**
	 * Follows the submissions of `exerciseId` kept on the device: once the server answers one, the
	 * "waiting" message goes and a grade is passed on. Returns how to stop.
	 */
	follow(exerciseId: number): () => void {
		return onAnswer(({ q, sent }) => {
			if (q.exerciseId !== exerciseId) return;
			if (this.#waiting) {
				this.message = '';
				this.#waiting = false;
			}
			if (sent.kind === 'graded')
				this.#onGraded({ verdict: sent.body.verdict, stars: sent.body.stars });
		});
	}
}
