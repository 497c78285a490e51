import { requireTeacher } from '$lib/server/auth/guard';
import { database } from '$lib/server/db';
import * as search from '$lib/server/curriculum/search';
import * as lessons from '$lib/server/curriculum/lessons';
import { FORMS, PROCESSES, type LessonForm, type LessonProcess } from '$lib/curriculum/lesson';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireTeacher(event);
	const db = database();
	const p = event.url.searchParams;
	const grade = Number(p.get('grade'));
	const form = p.get('form') as LessonForm;
	const process = p.get('process') as LessonProcess;
	const filters = {
		q: (p.get('q') ?? '').slice(0, 200),
		grade: Number.isInteger(grade) && grade >= 1 && grade <= 12 ? grade : undefined,
		subject: (p.get('subject') ?? '').slice(0, 60) || undefined,
		form: FORMS.includes(form) ? form : undefined,
		process: PROCESSES.includes(process) ? process : undefined,
		page: Number(p.get('page')) || 1
	};
	return {
		filters,
		result: await search.searchLibrary(db, filters),
		subjects: await search.librarySubjects(db),
		mine: await lessons.listMyLessons(db, user.id)
	};
};
