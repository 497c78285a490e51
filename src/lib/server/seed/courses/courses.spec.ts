// Every course exercise, graded by the real grader: its reference passes with 3 stars and every
// wrong solution (for "Sửa lỗi" puzzles: the broken start) fails.
import { describe, expect, test } from 'vitest';
import { countBlocks } from '$lib/blockly/workspace';
import { gradeWorkspace } from '../../exercises/grade';
import { seedSpec } from '../exercises';
import { SEED_COURSES } from '.';

for (const course of SEED_COURSES)
	describe(course.title, () => {
		for (const lesson of course.lessons)
			for (const e of lesson.exercises)
				test(`${lesson.title} / ${e.title}`, () => {
					const spec = seedSpec(e);
					const ref = gradeWorkspace(e.kind, spec, e.reference, countBlocks(e.reference));
					expect(ref.ok && ref.verdict).toMatchObject({ passed: true });
					expect(ref.ok && ref.stars).toBe(3);
					expect(e.wrong.length).toBeGreaterThanOrEqual(1);
					for (const w of e.wrong) {
						const bad = gradeWorkspace(e.kind, spec, w, countBlocks(w));
						expect(bad.ok && bad.verdict.passed).toBe(false);
					}
					expect(e.hints.length).toBe(3);
					if (lesson.concept === 'debugging') expect(e.start).toBeTruthy();
				});
	});

test('titles are unique across the courses', () => {
	const titles = SEED_COURSES.flatMap((c) =>
		c.lessons.flatMap((l) => l.exercises.map((e) => e.title))
	);
	expect(new Set(titles).size).toBe(titles.length);
});
