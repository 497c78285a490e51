// Runs in a worker thread of the grading pool (pool.ts): the same grading as on the request thread
// before, so the generators, the step budget and the time limit are the ones of exercises/grade.ts.
import type { ExerciseSpec, Kind } from '$lib/blockly/spec';
import { gradeWorkspaceText } from '../exercises/grade';
import { drawWorkspaceText } from '../play/draw';
import { job } from './job';

export interface GradeTask {
	kind: Kind;
	spec: ExerciseSpec;
	text: string;
	/** Hints the pupil opened: each beyond the first costs a star of a solved puzzle. */
	hints?: number;
}

export default job((task: GradeTask) =>
	gradeWorkspaceText(task.kind, task.spec, task.text, task.hints ?? 0)
);

/** Free play: the strokes a pupil's drawing program draws (play/draw.ts), off the request thread. */
export const draw = job((task: { text: string; allowed: string[] }) =>
	drawWorkspaceText(task.text, task.allowed)
);

/** For the pool's tests only: a worker that dies in the middle of a task. */
export const crash = job(() => process.exit(1));

/** For the pool's tests only: a worker stuck in native code, which only the hard limit can stop. */
export const hang = job(() => {
	for (;;) {
		// spins
	}
});
