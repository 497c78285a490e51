// Kind to children: the I/O comparison rules, the empty workspace, run-time errors, hints and stars.
import { describe, expect, test } from 'vitest';
import { outputDifference, runtimeReason, sameOutput } from '$lib/blockly/compare';
import { emptySpec } from '$lib/blockly/spec';
import { openTestDatabase } from '../db/testing';
import * as b from './build';
import { createExercise } from './exercises';
import { gradeWorkspace, starsFor } from './grade';
import { useHint } from './work';

describe('the I/O comparison', () => {
	test('case and extra spaces never matter', () => {
		expect(sameOutput('Xin chào Lạng Sơn', '  xin   CHÀO lạng sơn ')).toBe(true);
		expect(sameOutput('a\nb', 'A \n  b')).toBe(true);
	});
	test('tone marks matter unless the exercise ignores them (grades 3–5)', () => {
		expect(sameOutput('Xin chào Lạng Sơn', 'xin chao lang son')).toBe(false);
		expect(sameOutput('Xin chào Lạng Sơn', 'xin chao lang son', true)).toBe(true);
		expect(sameOutput('Đạt', 'dat', true)).toBe(true);
		expect(sameOutput('Xin chào', 'Xin chao ban', true)).toBe(false);
	});
	test('the difference is named: nothing printed, only accents, or other text', () => {
		expect(outputDifference('Xin chào', '')).toBe('empty');
		expect(outputDifference('Xin chào', 'xin chao')).toBe('accents');
		expect(outputDifference('Xin chào', 'Tạm biệt')).toBe('text');
	});
	const spec = (ignoreDiacritics: boolean) => ({
		...emptySpec('io'),
		io: { cases: [{ inputs: {}, expected: 'Xin chào Lạng Sơn' }], ignoreDiacritics }
	});
	const say = (t: string) => b.ws(b.print(b.text(t)));
	test('graded: a grade-3 pupil passes without tone marks; a grade-7 pupil is told to add them', () => {
		const g3 = gradeWorkspace('io', spec(true), say('xin chao lang son'), 2);
		expect(g3.ok && g3.verdict.passed).toBe(true);
		const g7 = gradeWorkspace('io', spec(false), say('xin chao lang son'), 2);
		expect(g7.ok && g7.verdict).toMatchObject({
			passed: false,
			code: 'io_wrong',
			params: { input: '', got: 'xin chao lang son', why: 'accents' }
		});
		expect(JSON.stringify(g7.ok && g7.verdict)).not.toContain('∅');
	});
});

describe('empty programs, errors and stars', () => {
	const spec = { ...emptySpec('io'), io: { cases: [{ inputs: {}, expected: '1' }] } };
	test('an empty workspace, or a lone hat block, earns nothing', () => {
		const empty = gradeWorkspace('io', spec, b.ws(), 0);
		expect(empty.ok && empty.verdict.code).toBe('empty');
		expect(empty.ok && empty.stars).toBe(0);
		const hat = gradeWorkspace('io', spec, b.ws(b.onStart()), 1);
		expect(hat.ok && hat.verdict.code).toBe('empty');
		expect(hat.ok && hat.stars).toBe(0);
	});
	test('run-time errors carry a reason the page explains in Vietnamese', () => {
		expect(runtimeReason('x is not defined')).toBe('not_defined');
		expect(runtimeReason('f is not a function')).toBe('not_function');
		expect(runtimeReason('Maximum call stack size exceeded')).toBe('recursion');
		expect(runtimeReason('boom')).toBe('other');
	});
	test('the stars rule counts hints: the nudge is free, strategy and answer cost a star each', () => {
		expect(starsFor(true, 3, 3, 0)).toBe(3);
		expect(starsFor(true, 3, 3, 1)).toBe(3);
		expect(starsFor(true, 3, 3, 2)).toBe(2);
		expect(starsFor(true, 3, 3, 3)).toBe(1);
		expect(starsFor(true, 5, 3, 3)).toBe(1);
		expect(starsFor(false, 3, 3, 3)).toBe(1);
		const solved = gradeWorkspace('io', spec, b.ws(b.print(b.num(1))), 2, 3);
		expect(solved.ok && solved.stars).toBe(1);
	});
});

test('each hint step a pupil opens is recorded once, in order', async () => {
	const { db } = openTestDatabase();
	const school = await db
		.insertInto('schools')
		.values({
			name: 'Trường Tiểu học Chi Lăng',
			commune: 'Chi Lăng',
			level: 'primary',
			pilot_since: '2025-09-05',
			created_at: 0
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const pupil = await db
		.insertInto('users')
		.values({
			role: 'student',
			school_id: school.id,
			username: null,
			full_name: 'Em',
			password_hash: null,
			disabled_at: null,
			created_at: 0
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const ex = await createExercise(db, {
		title: 'x',
		kind: 'io',
		grade: 3,
		concept: 'sequence',
		spec: { ...emptySpec('io'), hints: ['a', 'b', 'c'] },
		authorId: null,
		schoolId: null
	});
	for (let i = 0; i < 4; i++) await useHint(db, ex, pupil.id, 3, 1000 + i);
	const views = await db
		.selectFrom('exercise_hint_views')
		.select(['step', 'created_at'])
		.where('pupil_id', '=', pupil.id)
		.orderBy('step')
		.execute();
	expect(views).toEqual([
		{ step: 1, created_at: 1000 },
		{ step: 2, created_at: 1001 },
		{ step: 3, created_at: 1002 }
	]);
});

test('a lone hat block earns nothing whatever its id holds (Blockly ids may hold a parenthesis)', () => {
	const spec = { ...emptySpec('io'), io: { cases: [{ inputs: {}, expected: '1' }] } };
	for (const id of ['a)b(c', 'x);y', ')']) {
		const ws = b.ws({ ...b.onStart(), id });
		const r = gradeWorkspace('io', spec, ws, 1);
		expect(r.ok && r.verdict.code, id).toBe('empty');
	}
});
