import { describe, expect, it } from 'vitest';
import { importLesson } from '../curriculum/exchange';
import { seedLessonFiles } from './curriculum';
import {
	budget,
	levelNames,
	missingWorksheets,
	needsSafety,
	periodPlan,
	type LessonContent
} from '$lib/curriculum/lesson';

// The pilot library must be classroom-ready: every lesson complete, in the exchange format. A file
// that does not parse fails here (and the seed would refuse it).
describe('the seed lessons', () => {
	const files = seedLessonFiles();
	const parsed = files.map((f) => ({ name: f.name, r: importLesson(f.text) }));
	const lessons = parsed.flatMap((p) => (p.r.ok ? [p.r.content] : []));

	it('all parse', () => {
		expect(parsed.filter((p) => !p.r.ok).map((p) => p.name)).toEqual([]);
	});

	it('are at least 20, two or more per grade from 1 to 12, with inquiry, research and Blockly', () => {
		expect(files.length).toBeGreaterThanOrEqual(20);
		for (let g = 1; g <= 12; g++)
			expect(
				lessons.filter((l) => l.grades.includes(g)).length,
				`grade ${g}`
			).toBeGreaterThanOrEqual(2);
		expect(lessons.some((l) => l.process === 'inquiry' && l.grades.every((g) => g <= 5))).toBe(
			true
		);
		expect(lessons.some((l) => l.form === 'research' && l.grades.every((g) => g >= 10))).toBe(true);
		expect(
			lessons.some((l) => l.subjects.includes('Tin học') && /blockly/i.test(JSON.stringify(l)))
		).toBe(true);
	});

	it('name places as they are since July 2025 (no huyện)', () => {
		for (const f of files) expect(f.text, f.name).not.toMatch(/(?<!\p{L})huyện(?!\p{L})/iu);
	});

	it('count lesson 01 for a class of 8 groups, not once (issue #15: 200,000 đ printed, 1,040,000 đ needed)', () => {
		const l = lessons.find((x) => x.title.startsWith('Máy sấy hoa hồi'))!;
		expect(budget(l.materials, 8).total).toBe(1_040_000);
		expect(budget(l.materials, 10).total).toBe(1_280_000);
		expect(budget(l.materials, 8).perGroup).toBe(120_000);
	});

	it.each(files.map((f) => [f.name, f.text]))('%s is complete', (_name, text) => {
		const r = importLesson(text);
		if (!r.ok) expect(r.errors).toEqual([]);
		if (!r.ok) return;
		const l: LessonContent = r.content;
		expect(l.activities).toHaveLength(5);
		for (const a of l.activities)
			for (const part of [a.aims, a.content, a.product, a.organisation])
				expect(part.length).toBeGreaterThan(20);
		expect(l.aims.knowledge.length).toBeGreaterThan(40);
		expect(l.overview.length).toBeGreaterThan(100);
		// Budget: every material says what its cost is counted per; a class of 8 groups stays cheap.
		expect(l.materials.length).toBeGreaterThanOrEqual(4);
		const raw = text.match(/^materials:\n([\s\S]*?)^\S/m)?.[1] ?? '';
		expect(raw.match(/^\s+- name:/gm)?.length).toBe(l.materials.length);
		expect(raw.match(/^\s+basis: (group|class|pupil)$/gm)?.length).toBe(l.materials.length);
		const b = budget(l.materials);
		expect(b.total).toBeGreaterThan(0);
		expect(b.total).toBeLessThanOrEqual(2_000_000);
		// Worksheets: every phiếu the activities name is written.
		expect(missingWorksheets(l)).toEqual([]);
		for (const w of l.worksheets ?? []) expect(w.body.length).toBeGreaterThan(60);
		// Safety: a lesson with tools, heat, water or electricity has its box.
		if (needsSafety(l)) expect(l.safety?.length ?? 0).toBeGreaterThan(60);
		// Rubric: each criterion describes each level of the lesson's grades.
		expect(l.criteria.length).toBeGreaterThanOrEqual(3);
		const levels = levelNames(l.grades).length;
		for (const c of l.criteria) {
			expect(c.levels, c.title).toHaveLength(levels);
			for (const d of c.levels ?? []) expect(d.length).toBeGreaterThan(3);
		}
		// Every period has an activity, and the plan uses all the lesson's periods.
		expect(periodPlan(l).map((p) => p.period)).toEqual(
			Array.from({ length: l.periods }, (_, i) => i + 1)
		);
	});
});
