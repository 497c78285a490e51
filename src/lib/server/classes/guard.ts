import type { RequestEvent } from '@sveltejs/kit';
import { database } from '../db';
import { idParam, notFound, requireTeacher } from '../auth/guard';
import { getClassForTeacher } from './classes';

/**
 * The guard of every class page's load and action: a teacher, and a class of their school
 * that they teach. Any other id, another school's included, is a 404.
 */
export async function requireTeacherClass(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireTeacher(event);
	const db = database();
	const cls = await getClassForTeacher(db, user, idParam(event.params.id));
	if (!cls) notFound();
	return { user, db, cls };
}
