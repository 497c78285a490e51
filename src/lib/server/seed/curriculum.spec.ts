import { describe, expect, it } from 'vitest';
import { importLesson } from '../curriculum/exchange';
import { seedLessonFiles } from './curriculum';
import { totalCost } from '$lib/curriculum/lesson';

// The pilot library must be classroom-ready: every lesson complete, in the exchange format.
describe('the seed lessons', () => {
	const files = seedLessonFiles();
	it('are at least 10, across primary (some inquiry) and secondary', () => {
		expect(files.length).toBeGreaterThanOrEqual(10);
		const lessons = files.map((f) => importLesson(f.text)).map((r) => (r.ok ? r.content : null));
		expect(lessons.every(Boolean)).toBe(true);
		const grades = lessons.flatMap((l) => l!.grades);
		expect(grades.some((g) => g <= 5)).toBe(true);
		expect(grades.some((g) => g >= 6 && g <= 9)).toBe(true);
		expect(grades.some((g) => g >= 10)).toBe(true);
		expect(lessons.some((l) => l!.process === 'inquiry' && l!.grades.every((g) => g <= 5))).toBe(
			true
		);
	});

	it.each(files.map((f) => [f.name, f.text]))('%s is complete', (_name, text) => {
		const r = importLesson(text);
		if (!r.ok) expect(r.errors).toEqual([]);
		if (!r.ok) return;
		const l = r.content;
		expect(l.activities).toHaveLength(5);
		for (const a of l.activities)
			for (const part of [a.aims, a.content, a.product, a.organisation])
				expect(part.length).toBeGreaterThan(20);
		expect(l.aims.knowledge.length).toBeGreaterThan(40);
		expect(l.materials.length).toBeGreaterThanOrEqual(4);
		expect(totalCost(l.materials)).toBeGreaterThan(0);
		expect(totalCost(l.materials)).toBeLessThanOrEqual(500_000);
		expect(l.criteria.length).toBeGreaterThanOrEqual(3);
		expect(l.overview.length).toBeGreaterThan(100);
	});
});
