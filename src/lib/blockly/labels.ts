// Sentences for verdicts and names for categories, in the user's language (Paraglide).
import { m } from '$lib/paraglide/messages';
import type { Verdict } from './verdict';
import type { WorkspaceProblem } from './workspace';

type P = Record<string, string | number>;
const VERDICTS: Record<Verdict['code'], (p: P) => string> = {
	ok: () => m.exercise_v_ok(),
	too_long: () => m.exercise_v_too_long(),
	timeout: () => m.exercise_v_timeout(),
	runtime_error: (p) => runtimeMessage(String(p.reason ?? 'other')),
	empty: () => m.course_v_empty(),
	io_wrong: (p) => ioWrongMessage(p),
	io_hidden_wrong: () => m.exercise_v_io_hidden_wrong(),
	turtle_missing: () => m.exercise_v_turtle_missing(),
	turtle_extra: () => m.exercise_v_turtle_extra(),
	turtle_no_target: () => m.exercise_v_turtle_no_target(),
	maze_wall: (p) => m.exercise_v_maze_wall({ x: String(p.x), y: String(p.y) }),
	maze_not_goal: () => m.exercise_v_maze_not_goal(),
	maze_not_picked: (p) => m.course_v_maze_not_picked({ left: String(p.left) }),
	sensor_dry: (p) => m.exercise_v_sensor_dry({ hour: String(p.hour), value: String(p.value) }),
	sensor_needless_pump: (p) =>
		m.exercise_v_sensor_needless_pump({ hour: String(p.hour), value: String(p.value) }),
	sensor_alarm_late: (p) =>
		m.exercise_v_sensor_alarm_late({ hour: String(p.hour), level: String(p.level) }),
	sensor_false_alarm: (p) =>
		m.exercise_v_sensor_false_alarm({ hour: String(p.hour), level: String(p.level) }),
	sensor_stopped_early: (p) =>
		m.exercise_v_sensor_stopped_early({ hour: String(p.hour), hours: String(p.hours) })
};

function runtimeMessage(reason: string): string {
	if (reason === 'not_defined') return m.course_v_runtime_not_defined();
	if (reason === 'not_function') return m.course_v_runtime_not_function();
	if (reason === 'recursion') return m.course_v_runtime_recursion();
	return m.course_v_runtime_other();
}

/** What differs, in words a child reads; no empty "Với đầu vào ," and no "∅". */
function ioWrongMessage(p: P): string {
	const got = String(p.got ?? '');
	const expected = String(p.expected ?? '');
	const sentence =
		p.why === 'empty' || !got.trim()
			? m.course_v_io_nothing()
			: p.why === 'accents'
				? m.course_v_io_accents({ got, expected })
				: m.course_v_io_text({ got, expected });
	return p.input ? m.course_v_io_with_input({ input: String(p.input) }) + sentence : sentence;
}

export function verdictMessage(v: Verdict, manyCases = false): string {
	const sentence = (VERDICTS[v.code] ?? VERDICTS.runtime_error)(v.params ?? {});
	return !v.passed && manyCases && v.caseNo
		? m.exercise_case({ n: String(v.caseNo) }) + sentence
		: sentence;
}

/**
 * Why the server refused a pupil's workspace (a submission, a drawing): too large, not a workspace,
 * a block the exercise does not offer (`detail`: its type), or one Blockly could not load.
 */
export type WorkspaceRefusal = WorkspaceProblem | 'load_failed';

const REFUSALS: Record<WorkspaceRefusal, (detail: string) => string> = {
	too_large: () => m.exercise_refused_too_large(),
	malformed: () => m.exercise_refused_malformed(),
	unknown_block: (type) => m.exercise_refused_unknown_block({ type }),
	load_failed: () => m.exercise_refused_load_failed()
};

export function refusalMessage(problem: WorkspaceRefusal, detail = ''): string {
	return (Object.hasOwn(REFUSALS, problem) ? REFUSALS[problem] : REFUSALS.malformed)(detail);
}

export function categoryLabel(c: string): string {
	const labels: Record<string, () => string> = {
		io: m.exercise_cat_io,
		turtle: m.exercise_cat_turtle,
		maze: m.exercise_cat_maze,
		sensor: m.exercise_cat_sensor,
		logic: m.exercise_cat_logic,
		loops: m.exercise_cat_loops,
		math: m.exercise_cat_math,
		text: m.exercise_cat_text,
		variables: m.exercise_cat_variables,
		functions: m.exercise_cat_functions,
		events: m.course_cat_events,
		lists: m.course_cat_lists
	};
	return (labels[c] ?? (() => c))();
}

export function kindLabel(k: string): string {
	return (
		{
			io: m.exercise_kind_io,
			turtle: m.exercise_kind_turtle,
			maze: m.exercise_kind_maze,
			sensor: m.exercise_kind_sensor
		}[k] ?? (() => k)
	)();
}
export function conceptLabel(c: string): string {
	return (
		{
			sequence: m.exercise_concept_sequence,
			loops: m.exercise_concept_loops,
			conditions: m.exercise_concept_conditions,
			variables: m.exercise_concept_variables,
			functions: m.exercise_concept_functions
		}[c] ?? (() => c)
	)();
}

/**
 * The name of hint step `n` (1…) of `count`: three steps are a nudge, a strategy and the answer
 * ("Gợi ý 1/3", "Cách làm 2/3", "Lời giải 3/3"); any other number of hints is "Gợi ý n/count".
 */
export function hintStepLabel(n: number, count: number): string {
	const names = [m.course_hint_nudge, m.course_hint_strategy, m.course_hint_answer];
	const name = count === 3 ? names[n - 1]() : m.course_hint_nudge();
	return m.course_hint_step({ name, n: String(n), count: String(count) });
}

/** The button that opens hint step `n` (1…) of `count`. */
export function hintAskLabel(n: number, count: number): string {
	const asks = [m.course_hint_ask_nudge, m.course_hint_ask_strategy, m.course_hint_ask_answer];
	const ask = count === 3 ? asks[n - 1]() : m.course_hint_ask_nudge();
	return `${ask} (${n}/${count})`;
}
