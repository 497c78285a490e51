import { describe, expect, test } from 'vitest';
import { checkReference, parseExerciseForm } from './authoring';
import { visibleToTeacher, type Exercise } from './exercises';
import * as b from './build';

function form(fields: Record<string, string | string[]>) {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields))
		for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
	return f;
}

describe('authoring', () => {
	test('an I/O exercise from the form: test cases table, toolbox by category, NFC title', () => {
		const r = parseExerciseForm(
			form({
				title: 'Bình phương',
				grade: '6',
				kind: 'io',
				concept: 'sequence',
				task: 'In ra n × n',
				toolbox: ['math', 'nope'],
				ideal: '3',
				hints: 'Nhân n với n\n\n',
				case_inputs: ['n=5', 'n = 3', ''],
				case_expected: ['25', '9', ''],
				case_hidden: ['1'],
				reference: JSON.stringify(b.ws(b.print(b.arith('MULTIPLY', b.input('n'), b.input('n')))))
			})
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.input.title).toBe('Bình phương'.normalize('NFC'));
		expect(r.input.spec.io?.cases).toEqual([
			{ inputs: { n: 5 }, expected: '25' },
			{ inputs: { n: 3 }, expected: '9', hidden: true }
		]);
		expect(r.input.spec.toolbox).toContain('io_print');
		expect(r.input.spec.toolbox).toContain('math_arithmetic');
		expect(r.input.spec.hints).toEqual(['Nhân n với n']);
		expect(checkReference('io', r.input.spec).verdict?.passed).toBe(true);
	});

	test('bad input is refused field by field, nothing half-made', () => {
		const r = parseExerciseForm(
			form({
				title: ' ',
				grade: '13',
				kind: 'maze',
				concept: 'x',
				grid: '#S#\n##',
				reference: '{"blocks":'
			})
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(Object.keys(r.errors).sort()).toEqual([
			'concept',
			'grade',
			'grid',
			'reference',
			'title'
		]);
	});

	test("each kind's own fields: a half-filled case names its row, a maze has one start and one flag, readings are numbers", () => {
		const base = { title: 'Bài', grade: '5', concept: 'loops' };
		const errorsOf = (fields: Record<string, string | string[]>) => {
			const r = parseExerciseForm(form({ ...base, ...fields }));
			return r.ok ? {} : r.errors;
		};
		const io = (expected: string[]) =>
			errorsOf({ kind: 'io', case_inputs: ['n=2', 'n=3', ''], case_expected: expected });
		expect(io(['4', '', '']).cases).toBe('2');
		expect(io(['', '', '']).cases).toBe('1');
		expect(io(['4', '9', '']).cases).toBeUndefined();

		const maze = (grid: string, dir = '0') =>
			parseExerciseForm(form({ ...base, kind: 'maze', grid, dir }));
		const two = maze('#####\n#SGG#\n#####');
		expect(!two.ok && two.errors.grid).toBe('invalid');
		const turned = maze('#####\n#S.G#\n#####', '-1');
		expect(turned.ok && turned.input.spec.maze?.worlds[0]).toEqual({
			rows: ['#####', '#S.G#', '#####'],
			dir: 3
		});

		const readings = (values: unknown[], sensor = 'moisture') =>
			errorsOf({ kind: 'sensor', sensor: JSON.stringify({ sensor, scenarios: [{ values }] }) });
		expect(readings([30, 20, 10]).sensor).toBeUndefined();
		expect(readings(Array(49).fill(1)).sensor).toBe('invalid');
		expect(readings([30, 'khô']).sensor).toBe('invalid');
		expect(readings([30], 'light').sensor).toBe('invalid');
		expect(errorsOf({ kind: 'sensor', sensor: '{not json' }).sensor).toBe('invalid');
		expect(errorsOf({ kind: 'sensor', sensor: 'null' }).sensor).toBe('invalid');
	});

	test('a reference that fails, or none, cannot make the exercise publishable', () => {
		const r = parseExerciseForm(
			form({
				title: 'Cổng trường',
				grade: '3',
				kind: 'maze',
				concept: 'sequence',
				grid: '#####\n#S.G#\n#####',
				dir: '0'
			})
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(checkReference('maze', r.input.spec).verdict).toBeNull();
		const short = { ...r.input.spec, reference: b.ws(b.go()) };
		expect(checkReference('maze', short).verdict).toMatchObject({
			passed: false,
			code: 'maze_not_goal'
		});
		const right = { ...r.input.spec, reference: b.ws(b.seq(b.go(), b.go())!) };
		expect(checkReference('maze', right).verdict?.passed).toBe(true);
	});

	test("a turtle's target is what its reference draws", () => {
		const r = parseExerciseForm(
			form({
				title: 'Vuông',
				grade: '4',
				kind: 'turtle',
				concept: 'loops',
				reference: JSON.stringify(b.ws(b.repeat(4, b.forward(50), b.turn('RIGHT', 90))))
			})
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const { spec, verdict } = checkReference('turtle', r.input.spec);
		expect(spec.turtle?.target).toHaveLength(4);
		expect(verdict?.passed).toBe(true);
	});

	test("a teacher never sees another school's exercises, nor drafts of the shared library", () => {
		const ex = (over: Partial<Exercise>) =>
			({
				status: 'published',
				authorId: null,
				schoolId: null,
				sharedAt: null,
				...over
			}) as Exercise;
		const me = { id: 1, schoolId: 10 };
		expect(visibleToTeacher(ex({}), me)).toBe(true);
		expect(visibleToTeacher(ex({ schoolId: 11 }), me)).toBe(false);
		expect(visibleToTeacher(ex({ schoolId: 11, status: 'draft', authorId: 2 }), me)).toBe(false);
		expect(visibleToTeacher(ex({ schoolId: 10, status: 'draft', authorId: 2 }), me)).toBe(true);
		// Another school's, once the department shared it with every school.
		expect(visibleToTeacher(ex({ schoolId: 11, sharedAt: 5 }), me)).toBe(true);
	});
});
