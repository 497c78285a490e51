// What other domains read of a lesson: the projects domain starts a project from its outline.
import type { Conn } from '../db';
import type { LessonProcess } from '$lib/curriculum/lesson';
import { canView, getLesson, type Viewer } from './lessons';

export interface LessonOutline {
	id: number;
	title: string;
	process: LessonProcess;
	grades: number[];
	steps: { key: string; label: string }[];
	/** Each criterion's descriptors per level, lowest first (absent in lessons written before them). */
	criteria: { title: string; description: string; levels?: string[] }[];
}

/**
 * The current version's steps in order and its assessment criteria. Undefined for a lesson that
 * does not exist, or, when a viewer is given, that this viewer may not see (another's draft).
 */
export async function getLessonOutline(
	db: Conn,
	lessonId: number,
	viewer?: Viewer
): Promise<LessonOutline | undefined> {
	const lesson = await getLesson(db, lessonId);
	if (!lesson || (viewer && !canView(lesson, viewer))) return undefined;
	const c = lesson.content;
	return {
		id: lesson.id,
		title: c.title,
		process: c.process,
		grades: c.grades,
		steps: c.activities.map((a) => ({ key: a.key, label: a.label })),
		criteria: c.criteria.map((k) => ({
			title: k.title,
			description: k.description,
			...(k.levels?.length ? { levels: k.levels } : {})
		}))
	};
}

/** The lessons a teacher may assign: the published library and their own (not archived). */
export async function listLessonsForAssigning(
	db: Conn,
	teacher: { id: number }
): Promise<{ id: number; title: string; grades: number[] }[]> {
	const rows = await db
		.selectFrom('lessons')
		.select(['id', 'title'])
		.where((eb) =>
			eb.or([
				eb('status', '=', 'published'),
				eb.and([eb('author_id', '=', teacher.id), eb('status', '!=', 'archived')])
			])
		)
		.orderBy('title')
		.orderBy('id')
		.execute();
	const ids = rows.map((r) => r.id);
	const grades = ids.length
		? await db
				.selectFrom('lesson_grades')
				.select(['lesson_id', 'grade'])
				.where('lesson_id', 'in', ids)
				.orderBy('grade')
				.execute()
		: [];
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		grades: grades.filter((g) => g.lesson_id === r.id).map((g) => g.grade)
	}));
}
