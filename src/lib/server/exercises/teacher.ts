// The teacher's side: the guard of exercise pages, and the classes whose attempts they may read.
import type { RequestEvent } from '@sveltejs/kit';
import { database } from '../db';
import { idParam, notFound, requireTeacher } from '../auth/guard';
import { getExercise, visibleToTeacher } from './exercises';

export async function requireTeacherExercise(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>
) {
	const user = requireTeacher(event);
	const db = database();
	const ex = await getExercise(db, idParam(event.params.id));
	if (!ex || !visibleToTeacher(ex, user)) notFound();
	return { user, db, ex };
}
