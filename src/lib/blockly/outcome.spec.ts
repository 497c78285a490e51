// The verdict panel's words for each answer a submission can get: the server's grade, a refusal, or
// none (no network), when the run on the stage has ended and not before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { refusalMessage, verdictMessage } from './labels';
import { Outcome } from './outcome.svelte';
import { fail, OK, type Verdict } from './verdict';

const wrong = fail('maze_not_goal');
let graded: { verdict: Verdict; stars: number }[];
let queued: number;
const count = () => queued++;

beforeEach(() => {
	graded = [];
	queued = 0;
	// The browser's window, where the pupil's pages hear that a submission waits on the device.
	globalThis.window = new EventTarget() as Window & typeof globalThis;
	window.addEventListener('mamstem:queued', count);
});
afterEach(() => {
	Reflect.deleteProperty(globalThis, 'window');
});

function outcome(manyCases = false) {
	return new Outcome(
		() => manyCases,
		(r) => graded.push(r)
	);
}
const never = () => Promise.reject(new Error('checked here although the server answered'));

describe('Outcome', () => {
	it("shows the server's grade and stars, and passes it on, only once the run has ended", async () => {
		const o = outcome();
		o.message = m.exercise_grading();
		const body = { verdict: OK, stars: 3, attemptId: 7 };
		const apply = await o.answered({ kind: 'graded', body }, never, true);
		expect(o.message).toBe(m.exercise_grading());
		expect(graded).toEqual([]);
		apply();
		expect([o.passed, o.stars, o.message]).toEqual([true, 3, verdictMessage(OK)]);
		expect(graded).toEqual([{ verdict: OK, stars: 3 }]);
	});

	it('says why a submission was refused, as not passed, with no stars and no grade passed on', async () => {
		const o = outcome();
		const body = { refused: 'unknown_block' as const, detail: 'evil_block' };
		(await o.answered({ kind: 'refused', body }, never, true))();
		expect([o.passed, o.stars]).toEqual([false, null]);
		expect(o.message).toBe(refusalMessage('unknown_block', 'evil_block'));
		expect(o.message).toContain('evil_block');
		expect(graded).toEqual([]);
	});

	it('without a network: the check made here, and that the submission waits on the device', async () => {
		const o = outcome();
		(await o.answered({ kind: 'later' }, async () => wrong, true))();
		expect(o.passed).toBe(false);
		expect(o.message).toBe(m.offline_queued({ message: verdictMessage(wrong) }));
		expect(queued).toBe(1);
		expect(graded).toEqual([]);
	});

	it("a teacher's preview that cannot reach the server is not kept: it says it was not graded", async () => {
		const o = outcome();
		(await o.answered({ kind: 'later' }, async () => OK, false))();
		expect(o.message).toBe(m.exercise_not_graded({ message: verdictMessage(OK) }));
		expect(o.message).not.toBe(m.offline_queued({ message: verdictMessage(OK) }));
	});

	it('names the failing case when the exercise checks several', () => {
		const failed: Verdict = { ...wrong, caseNo: 2 };
		const one = outcome(false);
		const many = outcome(true);
		one.show(failed);
		many.show(failed);
		expect(many.message).toBe(verdictMessage(failed, true));
		expect(many.message).not.toBe(one.message);
	});
});
