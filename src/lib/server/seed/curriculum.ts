// The pilot library: the department's published lessons, read from Markdown files in the same
// exchange format teachers use (so the seed also runs the importer), plus a little teaching log.
import type { DB } from '../db';
import { importLesson } from '../curriculum/exchange';
import { createLesson } from '../curriculum/lessons';
import { seededRandom } from './random';
import { hashOf, lessonKey, remember } from '../content/records';

const FILES = import.meta.glob('./lessons/*.md', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

export function seedLessonFiles(): { name: string; text: string }[] {
	return Object.keys(FILES)
		.sort()
		.map((k) => ({ name: k.replace('./lessons/', ''), text: FILES[k] }));
}

export async function seedCurriculum(db: DB, now = Date.now()): Promise<void> {
	const dept = await db
		.selectFrom('users')
		.select('id')
		.where('username', '=', 'sogd')
		.executeTakeFirst();
	const ids: { id: number; grades: number[]; periods: number }[] = [];
	for (const [i, f] of seedLessonFiles().entries()) {
		const r = importLesson(f.text);
		if (!r.ok) throw new Error(`seed lesson ${f.name}: ${JSON.stringify(r.errors)}`);
		const id = await createLesson(db, dept ? { id: dept.id, schoolId: null } : null, r.content, {
			status: 'published',
			now: now - (40 - i) * 86_400_000
		});
		// What it was written from: a later version's sync (content/sync.ts) knows it untouched.
		const rec = {
			recordId: id,
			sourceHash: hashOf(f.text),
			contentHash: hashOf(JSON.stringify(r.content))
		};
		await remember(db, 'lesson', lessonKey(f.name), rec, now);
		ids.push({ id, grades: r.content.grades, periods: r.content.periods });
	}
	// Some teachings already logged this year: each class taught a library lesson of its grade.
	const rnd = seededRandom(3003);
	const classes = await db
		.selectFrom('classes')
		.innerJoin('class_teachers', 'class_teachers.class_id', 'classes.id')
		.select(['classes.id', 'classes.grade', 'class_teachers.teacher_id'])
		.orderBy('classes.id')
		.execute();
	const seen = new Set<number>();
	for (const c of classes) {
		if (seen.has(c.id)) continue;
		seen.add(c.id);
		const fit = ids.filter((l) => l.grades.includes(c.grade));
		if (!fit.length || rnd.next() < 0.4) continue;
		const lesson = rnd.pick(fit);
		const day = new Date(now - (5 + rnd.int(40)) * 86_400_000).toISOString().slice(0, 10);
		await db
			.insertInto('lesson_teachings')
			.values({
				lesson_id: lesson.id,
				class_id: c.id,
				teacher_id: c.teacher_id,
				taught_on: day,
				periods: lesson.periods,
				note: '',
				created_at: now
			})
			.execute();
	}
}
