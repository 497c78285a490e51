// An exercise's spec as the values of the authoring form, and back.
import { emptySpec, type Kind } from '$lib/blockly/spec';
import type { Exercise } from './exercises';
import { toolboxCategories } from './authoring';

export function formValues(ex: Pick<Exercise, 'title' | 'grade' | 'kind' | 'concept' | 'spec'>) {
	const spec = ex.spec;
	const defaults = emptySpec(ex.kind as Kind);
	const world = spec.maze?.worlds[0] ??
		defaults.maze?.worlds[0] ?? { rows: ['#####', '#S.G#', '#####'], dir: 0 };
	return {
		title: ex.title,
		grade: ex.grade,
		kind: ex.kind,
		concept: ex.concept,
		task: spec.task,
		categories: toolboxCategories(spec.toolbox),
		ideal: spec.ideal,
		hints: spec.hints.join('\n'),
		cases: (spec.io?.cases ?? []).map((c) => ({
			inputs: Object.entries(c.inputs)
				.map(([k, v]) => `${k}=${v}`)
				.join(', '),
			expected: c.expected,
			hidden: !!c.hidden
		})),
		grid: world.rows.join('\n'),
		dir: world.dir,
		sensor: JSON.stringify(spec.sensor ?? emptySpec('sensor').sensor, null, 1),
		start: spec.start ? JSON.stringify(spec.start) : '',
		reference: spec.reference ? JSON.stringify(spec.reference) : ''
	};
}

/** What the form sent, to show it again with its errors. */
export function echoValues(form: FormData) {
	const get = (k: string) => String(form.get(k) ?? '');
	const hidden = new Set(form.getAll('case_hidden').map(String));
	const expected = form.getAll('case_expected').map(String);
	return {
		title: get('title'),
		grade: Number(get('grade')) || 6,
		kind: get('kind') || 'io',
		concept: get('concept') || 'sequence',
		task: get('task'),
		categories: form.getAll('toolbox').map(String),
		ideal: Number(get('ideal')) || 1,
		hints: get('hints'),
		cases: form
			.getAll('case_inputs')
			.map(String)
			.map((inputs, i) => ({ inputs, expected: expected[i] ?? '', hidden: hidden.has(String(i)) }))
			.filter((c) => c.inputs || c.expected),
		grid: get('grid') || '#####\n#S.G#\n#####',
		dir: Number(get('dir')) || 0,
		sensor: get('sensor'),
		start: get('start'),
		reference: get('reference')
	};
}
