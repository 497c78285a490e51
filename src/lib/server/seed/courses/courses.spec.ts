// Every course exercise, graded by the real grader's checker (the server's generator and interpreter,
// without the wall-clock limit so a busy test machine cannot fail it): its reference passes with 3
// stars and every wrong solution (for "Sửa lỗi" puzzles: the broken start) fails.
import { describe, expect, test } from 'vitest';
import { checkCode } from '$lib/blockly/check';
import { countBlocks, parseWorkspace, walk } from '$lib/blockly/workspace';
import { generateCode, ServerInterpreter } from '../../exercises/blockly';
import { starsFor } from '../../exercises/grade';
import { seedSpec } from '../exercises';
import { SEED_COURSES } from '.';

const grade = (
	e: (typeof SEED_COURSES)[0]['lessons'][0]['exercises'][0],
	ws: typeof e.reference
) => {
	const spec = seedSpec(e);
	const code = generateCode(ws);
	if (code === null) throw new Error('Blockly cannot load the workspace');
	const verdict = checkCode(ServerInterpreter, e.kind, spec, code);
	return { verdict, stars: starsFor(verdict.passed, countBlocks(ws), spec.ideal) };
};

for (const course of SEED_COURSES)
	describe(course.title, () => {
		for (const lesson of course.lessons)
			for (const e of lesson.exercises)
				test(`${lesson.title} / ${e.title}`, () => {
					// The server takes the reference as a pupil's submission, and the pupil's toolbox holds its blocks.
					expect(parseWorkspace(JSON.stringify(e.reference))).toMatchObject({ ok: true });
					const allowed = new Set(seedSpec(e).toolbox);
					for (const top of e.reference.blocks?.blocks ?? [])
						for (const { block, shadow } of walk(top))
							if (!shadow) expect(allowed, block.type).toContain(block.type);
					const ref = grade(e, e.reference);
					expect(ref.verdict).toMatchObject({ passed: true });
					expect(ref.stars).toBe(3);
					expect(e.wrong.length).toBeGreaterThanOrEqual(1);
					for (const w of e.wrong) expect(grade(e, w).verdict.passed).toBe(false);
					expect(e.hints.length).toBe(3);
					if (lesson.concept === 'debugging') expect(e.start).toBeTruthy();
				}, 120_000); // a whole day of sensor runs per scenario: slow on a shared machine
	});

test('at least 120 exercises in four courses, titles unique, a debugging lesson in each', () => {
	const titles = SEED_COURSES.flatMap((c) =>
		c.lessons.flatMap((l) => l.exercises.map((e) => e.title))
	);
	expect(SEED_COURSES).toHaveLength(4);
	expect(titles.length).toBeGreaterThanOrEqual(120);
	expect(new Set(titles).size).toBe(titles.length);
	for (const c of SEED_COURSES) expect(c.lessons.map((l) => l.concept)).toContain('debugging');
	const concepts = new Set(SEED_COURSES.flatMap((c) => c.lessons.map((l) => l.concept)));
	for (const k of [
		'sequence',
		'loops',
		'nested_loops',
		'events',
		'conditions',
		'variables',
		'functions',
		'lists'
	])
		expect(concepts, k).toContain(k);
});

test('the flood-alarm puzzles link to the STEM lesson they prepare', () => {
	const linked = SEED_COURSES.flatMap((c) => c.lessons).filter((l) => l.stemLesson);
	expect(linked.map((l) => l.stemLesson)).toContain('Còi báo mực nước lũ sông Kỳ Cùng');
});
