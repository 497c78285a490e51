// Authoring: the teacher's form → an exercise spec, checked; the reference graded on the server.
import { cleanText } from '$lib/text/normalize';
import { KIND_BLOCKS, STANDARD_BLOCKS, TOOLBOX_CATEGORIES } from '$lib/blockly/blocks';
import {
	CONCEPTS,
	KINDS,
	type Concept,
	type ExerciseSpec,
	type IoCase,
	type Kind,
	type WorkspaceJson
} from '$lib/blockly/spec';
import { parseWorkspace } from '$lib/blockly/workspace';
import type { Verdict } from '$lib/blockly/verdict';
import { gradeWorkspace, turtleTarget } from './grade';
import type { ExerciseInput } from './exercises';

export type FormErrors = Partial<
	Record<
		'title' | 'grade' | 'kind' | 'concept' | 'cases' | 'grid' | 'sensor' | 'start' | 'reference',
		string
	>
>;

const GROUPS: Record<string, string[]> = { ...KIND_BLOCKS, ...STANDARD_BLOCKS };

/** The categories a toolbox was made of (for the form's checkboxes). */
export function toolboxCategories(toolbox: string[]): string[] {
	return TOOLBOX_CATEGORIES.filter((c) => (GROUPS[c] ?? []).some((t) => toolbox.includes(t)));
}

function parseInputs(text: string): Record<string, number> | null {
	const out: Record<string, number> = {};
	for (const part of text
		.split(/[,;]/)
		.map((p) => p.trim())
		.filter(Boolean)) {
		const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(-?\d+(?:\.\d+)?)$/.exec(part);
		if (!match) return null;
		out[match[1]] = Number(match[2]);
	}
	return out;
}

function optionalWorkspace(text: string): { ok: true; ws: WorkspaceJson | null } | { ok: false } {
	if (!text.trim()) return { ok: true, ws: null };
	const parsed = parseWorkspace(text);
	if (!parsed.ok) return { ok: false };
	return { ok: true, ws: parsed.blocks === 0 ? null : parsed.workspace };
}

export function parseExerciseForm(
	form: FormData
): { ok: true; input: ExerciseInput } | { ok: false; errors: FormErrors } {
	const errors: FormErrors = {};
	const get = (k: string) => String(form.get(k) ?? '');
	const title = cleanText(get('title')).slice(0, 200);
	if (!title) errors.title = 'required';
	const grade = Number(get('grade'));
	if (!Number.isInteger(grade) || grade < 1 || grade > 12) errors.grade = 'invalid';
	const kind = get('kind') as Kind;
	if (!KINDS.includes(kind)) errors.kind = 'invalid';
	const concept = get('concept') as Concept;
	if (!CONCEPTS.includes(concept)) errors.concept = 'invalid';
	const categories = form
		.getAll('toolbox')
		.map(String)
		.filter((c) => TOOLBOX_CATEGORIES.includes(c));
	if (KINDS.includes(kind) && !categories.includes(kind)) categories.unshift(kind);
	const ideal = Math.max(1, Math.min(200, Math.round(Number(get('ideal')) || 1)));
	const hints = get('hints').split('\n').map(cleanText).filter(Boolean).slice(0, 10);
	const start = optionalWorkspace(get('start'));
	if (!start.ok) errors.start = 'invalid';
	const reference = optionalWorkspace(get('reference'));
	if (!reference.ok) errors.reference = 'invalid';

	const spec: ExerciseSpec = {
		task: get('task').normalize('NFC').slice(0, 10000),
		toolbox: categories.flatMap((c) => GROUPS[c] ?? []),
		start: start.ok ? start.ws : null,
		ideal,
		hints,
		reference: reference.ok ? reference.ws : null
	};
	if (kind === 'io') spec.io = { cases: readCases(form, errors) };
	if (kind === 'maze') spec.maze = { worlds: [readGrid(get('grid'), get('dir'), errors)] };
	if (kind === 'sensor') {
		const sensor = readSensor(get('sensor'));
		if (!sensor.ok) errors.sensor = 'invalid';
		if (sensor.value !== undefined) spec.sensor = sensor.value;
	}
	if (kind === 'turtle') spec.turtle = { target: [], tolerance: 3 };
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, input: { title, kind, grade, concept, spec } };
}

/** An io exercise's cases, the table's rows in order: a row half filled names its number. */
function readCases(form: FormData, errors: FormErrors): IoCase[] {
	const inputs = form.getAll('case_inputs').map(String);
	const expected = form.getAll('case_expected').map(String);
	const hidden = new Set(form.getAll('case_hidden').map(String));
	const cases: IoCase[] = [];
	inputs.forEach((text, i) => {
		const out = cleanText(expected[i] ?? '');
		if (!text.trim() && !out) return;
		const parsed = parseInputs(text);
		if (!parsed || !out) errors.cases ??= String(i + 1);
		else
			cases.push({
				inputs: parsed,
				expected: out,
				...(hidden.has(String(i)) ? { hidden: true } : {})
			});
	});
	if (cases.length === 0) errors.cases ??= '1';
	return cases;
}

/** A maze's grid: 2–20 rows of equal length ≤ 20, of walls, floor, one start and one flag. */
function readGrid(text: string, dir: string, errors: FormErrors) {
	const rows = text
		.split('\n')
		.map((r) => r.trim())
		.filter(Boolean);
	const cells = rows.join('');
	const ok =
		rows.length >= 2 &&
		rows.length <= 20 &&
		rows.every((r) => r.length === rows[0].length && r.length <= 20 && /^[#.SG]+$/.test(r)) &&
		cells.split('S').length === 2 &&
		cells.split('G').length === 2;
	if (!ok) errors.grid = 'invalid';
	return { rows, dir: ((Math.round(Number(dir)) % 4) + 4) % 4 || 0 };
}

/** A sensor exercise's readings (JSON): a moisture or water sensor, scenarios of 1–48 numbers. */
function readSensor(text: string): { ok: boolean; value?: ExerciseSpec['sensor'] } {
	try {
		const sensor = JSON.parse(text);
		const valid =
			(sensor.sensor === 'moisture' || sensor.sensor === 'water') &&
			Array.isArray(sensor.scenarios) &&
			sensor.scenarios.length > 0 &&
			sensor.scenarios.every(
				(s: { values?: unknown }) =>
					Array.isArray(s.values) &&
					s.values.length > 0 &&
					s.values.length <= 48 &&
					s.values.every((v) => typeof v === 'number')
			);
		return { ok: valid, value: sensor };
	} catch {
		return { ok: false };
	}
}

/**
 * Grades the reference solution on the server. A turtle's target is first drawn from the reference,
 * so a turtle exercise passes when its reference draws something.
 */
export function checkReference(
	kind: Kind,
	spec: ExerciseSpec
): { spec: ExerciseSpec; verdict: Verdict | null } {
	const reference = spec.reference;
	if (!reference) return { spec, verdict: null };
	if (kind === 'turtle')
		spec = {
			...spec,
			turtle: { target: turtleTarget(reference), tolerance: spec.turtle?.tolerance ?? 3 }
		};
	const graded = gradeWorkspace(kind, spec, reference, 0);
	return {
		spec,
		verdict: graded.ok
			? graded.verdict
			: { passed: false, code: 'runtime_error', params: { message: graded.problem } }
	};
}
