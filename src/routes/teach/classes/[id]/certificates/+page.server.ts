import { requireTeacherClass } from '$lib/server/classes/guard';
import { classCertificates } from '$lib/server/courses/certificates';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, cls } = await requireTeacherClass(event);
	const size = event.url.searchParams.get('size') === 'A5' ? 'A5' : 'A4';
	return { cls, size, certificates: await classCertificates(db, cls.id) };
};
