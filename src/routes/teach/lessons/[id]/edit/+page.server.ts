import { fail, redirect } from '@sveltejs/kit';
import { idParam, notFound, requireTeacher } from '$lib/server/auth/guard';
import { database } from '$lib/server/db';
import * as lessons from '$lib/server/curriculum/lessons';
import { contentFromForm, validateContent } from '$lib/server/curriculum/content';
import { contentToValues, formToValues } from '$lib/curriculum/form';
import * as files from '$lib/server/curriculum/files';
import type { RequestEvent } from '@sveltejs/kit';
import { readUploadForm } from '$lib/server/portfolios/upload';
import type { Actions, PageServerLoad } from './$types';

async function editable(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireTeacher(event);
	const db = database();
	const lesson = await lessons.getVisibleLesson(db, idParam(event.params.id), user);
	if (!lesson || !lessons.canEdit(lesson, user)) notFound();
	return { user, db, lesson };
}

export const load: PageServerLoad = async (event) => {
	const { user, db, lesson } = await editable(event);
	const draft = await lessons.getDraft(db, user.id, lesson.id);
	return {
		id: lesson.id,
		title: lesson.title,
		status: lesson.status,
		values: draft ? draft.state : contentToValues(lesson.content),
		restoredAt: draft?.savedAt ?? null,
		files: await files.listLessonFiles(db, lesson.id)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { user, db, lesson } = await editable(event);
		const form = await event.request.formData();
		const { raw, lineErrors } = contentFromForm(form);
		const v = validateContent(raw);
		const errors = [...lineErrors, ...(v.ok ? [] : v.errors)];
		if (!v.ok || errors.length)
			return fail(400, { values: formToValues(form), errors, notAllowed: false });
		const r = await db
			.transaction()
			.execute((tx) => lessons.saveLesson(tx, user, lesson.id, v.content));
		if (!r.ok) return fail(400, { values: formToValues(form), errors: [], notAllowed: true });
		redirect(303, `/teach/lessons/${lesson.id}`);
	},
	/** An image or PDF for the lesson; the page shows the Markdown that inserts it. */
	upload: async (event) => {
		const { user, db, lesson } = await editable(event);
		const read = await readUploadForm(event.request, files.MAX_PDF_BYTES);
		if (!read.ok)
			return read.error === 'too_big'
				? fail(413, { uploadError: 'size' as const })
				: fail(400, { uploadError: 'type' as const });
		const form = read.form;
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { uploadError: 'type' as const });
		if (file.size > files.MAX_PDF_BYTES) return fail(400, { uploadError: 'size' as const });
		const r = await files.saveLessonFile(db, user, lesson.id, {
			name: file.name,
			bytes: new Uint8Array(await file.arrayBuffer())
		});
		if (!r.ok) return fail(400, { uploadError: r.error });
		const url = `/teach/lessons/${lesson.id}/files/${r.id}`;
		return { uploaded: r.kind === 'image' ? `![${r.name}](${url})` : `[${r.name}](${url})` };
	},
	discard: async (event) => {
		const { user, db, lesson } = await editable(event);
		await lessons.discardDraft(db, user.id, lesson.id);
		redirect(303, `/teach/lessons/${lesson.id}/edit`);
	}
};
