// The result of a check: a code the page turns into a sentence in the pupil's language, with its values.
export interface Verdict {
	passed: boolean;
	code:
		| 'ok'
		| 'too_long'
		| 'timeout'
		| 'runtime_error'
		| 'empty'
		| 'io_wrong'
		| 'io_hidden_wrong'
		| 'turtle_missing'
		| 'turtle_extra'
		| 'turtle_no_target'
		| 'maze_wall'
		| 'maze_not_goal'
		| 'maze_not_picked'
		| 'sensor_dry'
		| 'sensor_needless_pump'
		| 'sensor_alarm_late'
		| 'sensor_false_alarm'
		| 'sensor_stopped_early';
	params: Record<string, string | number>;
	/** Which case (test case, grid, scenario) failed, counting from 1. */
	caseNo?: number;
}

export const OK: Verdict = { passed: true, code: 'ok', params: {} };
export const fail = (code: Verdict['code'], params: Verdict['params'] = {}): Verdict => ({
	passed: false,
	code,
	params
});
