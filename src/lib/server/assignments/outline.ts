import type { Conn } from '../db';
import type { LessonProcess } from '../db/types';
import { getLessonOutline, type LessonViewer } from '../curriculum';
import { DEFAULT_STEPS } from '$lib/curriculum/lesson';

export interface LessonOutline {
	id: number;
	title: string;
	process: LessonProcess;
	/** The lesson's grades (empty for a lesson row without a written plan): they choose the rubric's levels. */
	grades: number[];
	steps: { key: string; label: string }[];
	criteria: { title: string; description: string; levels?: string[] }[];
}

// The steps of each process are the curriculum's (letters 3089/BGDĐT-GDTrH and 909/BGDĐT-GDTH); a project
// copies them when it is created, so later rewording harms nothing.
export const PROCESS_STEPS = DEFAULT_STEPS;

/**
 * The one place that reads a lesson's steps and assessment criteria: the curriculum's outline of
 * the lesson plan the viewer may see. A lesson row without a written plan gets the standard steps.
 */
export async function lessonOutline(
	db: Conn,
	lessonId: number,
	viewer?: LessonViewer
): Promise<LessonOutline | undefined> {
	const row = await db
		.selectFrom('lessons')
		.select(['id', 'title', 'process', 'current_version_id'])
		.where('id', '=', lessonId)
		.executeTakeFirst();
	if (!row) return undefined;
	if (row.current_version_id !== null) return getLessonOutline(db, lessonId, viewer);
	return {
		id: row.id,
		title: row.title,
		process: row.process,
		grades: [],
		steps: PROCESS_STEPS[row.process].map((s) => ({ ...s })),
		criteria: []
	};
}
