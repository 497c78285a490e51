import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { database } from '../db';
import { idParam, notFound, requireTeacher } from '../auth/guard';
import { getClassForTeacher } from './classes';
import { archiveOf } from './rollover';

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

/**
 * The guard of every action that changes a class or its pupils: as requireTeacherClass, and the class
 * is not archived or rolled over. Such a class stays readable (its pages, exports, the pupils' data)
 * but changes nothing: 409 with a message saying how to bring it back.
 */
export async function requireOpenClass(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const found = await requireTeacherClass(event);
	if (await archiveOf(found.db, found.cls.id)) error(409, m.class_archived_read_only());
	return found;
}
