// Existing pilots receive new built-in content (issue 15), on the engine under test: a pilot seeded by an
// earlier version (an older, smaller content set, before records were kept) gets the new lessons and
// exercises; unedited ones take the new text, edited ones are kept; a second run changes nothing; a later
// version's changes reach it through the records.
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { addLessonVersion, createLesson } from '../curriculum/lessons';
import { importLesson } from '../curriculum/exchange';
import { updateExercise } from '../exercises/exercises';
import { createSeedExercise, SEED_EXERCISES, seedSpec, type SeedExercise } from '../seed/exercises';
import { seedCourse, SEED_COURSES } from '../seed/courses';
import type { SeedCourse } from '../seed/courses/types';
import { builtinContent, type BuiltinContent } from './builtin';
import { exerciseKey } from './records';
import { syncBuiltinContent } from './sync';

const T = Date.UTC(2025, 8, 1);
const older = (text: string) => text.trimEnd() + ' (bản cũ)\n';
const olderTask = (e: SeedExercise): SeedExercise => ({ ...e, task: e.task + ' (bản cũ)' });
// Standalone exercises without a turtle (a turtle's target is drawn: slower to build).
const STANDALONE = SEED_EXERCISES.filter((e) => e.kind !== 'turtle').slice(0, 6);
const COURSE = SEED_COURSES[0];
const [L1, L2] = COURSE.lessons;

/** The course as the new version has it: two lessons, the first with three puzzles. */
const NEW_COURSE: SeedCourse = {
	...COURSE,
	lessons: [
		{ ...L1, exercises: L1.exercises.slice(0, 3) },
		{ ...L2, exercises: L2.exercises.slice(0, 2) }
	]
};
/** The earlier version: one lesson of two puzzles. */
const OLD_COURSE: SeedCourse = {
	...COURSE,
	lessons: [{ ...L1, exercises: L1.exercises.slice(0, 2) }]
};

function newContent(): BuiltinContent {
	const all = builtinContent([NEW_COURSE]);
	return {
		lessons: all.lessons.slice(0, 4),
		exercises: all.exercises.filter((e) => e.place || STANDALONE.includes(e.source))
	};
}

const contentOf = (text: string) => {
	const r = importLesson(text);
	if (!r.ok) throw new Error('lesson');
	return r.content;
};

it('every built-in lesson and exercise has a key of its own', () => {
	const all = builtinContent();
	const keys = [...all.lessons, ...all.exercises].map((x) => x.key);
	expect(all.exercises.length).toBeGreaterThanOrEqual(120);
	expect(new Set(keys).size).toBe(keys.length);
});

describe('the built-in content sync', () => {
	const { db } = openTestDatabase();
	const NEW = newContent();
	const lessonIds: number[] = [];
	const exerciseIds: number[] = [];

	/** A pilot seeded by the earlier version, before records were kept. */
	beforeAll(async () => {
		const lessons = NEW.lessons.slice(0, 3).map((l, i) => (i === 1 ? older(l.text) : l.text));
		for (const text of lessons)
			lessonIds.push(
				await createLesson(db, null, contentOf(text), { status: 'published', now: T })
			);
		for (const [i, e] of STANDALONE.slice(0, 4).entries())
			exerciseIds.push(
				await createSeedExercise(db, i === 1 ? olderTask(e) : e, exerciseKey(e.title), T)
			);
		await seedCourse(db, OLD_COURSE, 1, T);
		await db.deleteFrom('builtin_content').execute();
		// Edited since: lesson 0 (a new version) and exercise 0 (by its editor).
		const edited = contentOf(NEW.lessons[0].text);
		await addLessonVersion(db, lessonIds[0], { ...edited, periods: edited.periods + 1 }, T + 1);
		const e0 = STANDALONE[0];
		const input = { title: e0.title, kind: e0.kind, grade: e0.grade, concept: e0.concept };
		await updateExercise(
			db,
			exerciseIds[0],
			{ ...input, spec: { ...seedSpec(e0), task: 'Sửa.' } },
			true,
			T + 1
		);
	});

	const lessonText = async (id: number) =>
		JSON.parse(
			(
				await db
					.selectFrom('lessons as l')
					.innerJoin('lesson_versions as v', 'v.id', 'l.current_version_id')
					.select('v.content')
					.where('l.id', '=', id)
					.executeTakeFirstOrThrow()
			).content
		);
	const task = async (id: number) =>
		JSON.parse(
			(
				await db
					.selectFrom('exercises')
					.select('spec')
					.where('id', '=', id)
					.executeTakeFirstOrThrow()
			).spec
		).task;
	const everything = async () =>
		Promise.all(
			[
				'lessons',
				'lesson_versions',
				'exercises',
				'courses',
				'course_lessons',
				'builtin_content',
				'audit_log'
			].map((t) =>
				db
					.selectFrom(t as 'lessons')
					.selectAll()
					.execute()
			)
		);

	it('adds what is missing, updates what nobody edited, keeps what was edited, and audits it', async () => {
		const report = await db.transaction().execute((tx) => syncBuiltinContent(tx, NEW, T + 2));
		expect(report).toEqual({
			lessons: { same: 1, added: 1, updated: 1, kept: 1 },
			exercises: { same: 2 + 2, added: 2 + 1 + 2, updated: 1, kept: 1 }
		});
		expect(await lessonText(lessonIds[1])).toEqual(contentOf(NEW.lessons[1].text));
		expect((await lessonText(lessonIds[0])).periods).toBe(
			contentOf(NEW.lessons[0].text).periods + 1
		);
		const titles = await db.selectFrom('lessons').select('title').orderBy('id').execute();
		expect(titles.at(-1)!.title).toBe(contentOf(NEW.lessons[3].text).title);
		expect(await task(exerciseIds[1])).toBe(STANDALONE[1].task);
		expect(await task(exerciseIds[0])).toBe('Sửa.');
		// The course: the new puzzle at the end of its lesson, the new lesson after it.
		const path = await db
			.selectFrom('course_lesson_exercises as ce')
			.innerJoin('course_lessons as cl', 'cl.id', 'ce.course_lesson_id')
			.innerJoin('exercises as x', 'x.id', 'ce.exercise_id')
			.select(['cl.slug', 'cl.position as lp', 'ce.position as p', 'x.title', 'x.status'])
			.orderBy('cl.position')
			.orderBy('ce.position')
			.execute();
		expect(path.map((r) => [r.slug, r.lp, r.p, r.title, r.status])).toEqual(
			NEW_COURSE.lessons.flatMap((l, i) =>
				l.exercises.map((e, j) => [l.slug, i + 1, j + 1, e.title, 'published'])
			)
		);
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'actor_role', 'detail'])
			.execute();
		expect(audit.map((a) => [a.action, a.actor_role])).toEqual([['content.synced', 'system']]);
		expect(JSON.parse(audit[0].detail!)).toMatchObject({ lessons_added: 1, exercises_kept: 1 });
	});

	it('a second run changes nothing', async () => {
		const before = await everything();
		const report = await db.transaction().execute((tx) => syncBuiltinContent(tx, NEW, T + 3));
		expect(report!.lessons).toEqual({ same: 4, added: 0, updated: 0, kept: 0 });
		expect(report!.exercises).toMatchObject({ added: 0, updated: 0, kept: 0 });
		expect(await everything()).toEqual(before);
	});

	it('a later version reaches the pilot through the records; what was edited stays as it was', async () => {
		const LATER: BuiltinContent = {
			lessons: NEW.lessons.map((l) => ({ ...l, text: l.text.replace(/\s*$/, ' Bản mới.\n') })),
			exercises: NEW.exercises.map((e) => ({
				...e,
				source: { ...e.source, task: e.source.task + ' Mới.' }
			}))
		};
		const report = await db.transaction().execute((tx) => syncBuiltinContent(tx, LATER, T + 4));
		expect(report!.lessons).toEqual({ same: 0, added: 0, updated: 3, kept: 1 });
		expect(report!.exercises).toEqual({
			same: 0,
			added: 0,
			updated: NEW.exercises.length - 1,
			kept: 1
		});
		expect(await task(exerciseIds[0])).toBe('Sửa.');
		expect(await task(exerciseIds[1])).toBe(STANDALONE[1].task + ' Mới.');
		expect((await lessonText(lessonIds[2])).title).toBe(contentOf(LATER.lessons[2].text).title);
		// Teachers' copies keep the version they came from: the earlier versions stay.
		const versions = await db
			.selectFrom('lesson_versions')
			.select('id')
			.where('lesson_id', '=', lessonIds[2])
			.execute();
		expect(versions).toHaveLength(2);
	});

	it('a pilot without the built-in content (no demo seed) is left as it is', async () => {
		const other = openTestDatabase().db;
		expect(await syncBuiltinContent(other, NEW, T)).toBeNull();
		expect(await other.selectFrom('exercises').select('id').execute()).toEqual([]);
	});
});
