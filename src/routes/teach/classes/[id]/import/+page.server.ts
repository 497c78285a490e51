import { fail } from '@sveltejs/kit';
import { requireTeacherClass } from '$lib/server/classes/guard';
import { classDuplicateKeys } from '$lib/server/classes/pupils';
import {
	MAX_FILE_BYTES,
	markCodesTaken,
	parseRosterFile,
	saveRoster
} from '$lib/server/classes/roster-import';
import { schoolPupilCodes } from '$lib/server/classes/pupil-changes';
import { actorOf } from '$lib/server/audit/log';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { cls } = await requireTeacherClass(event);
	return { cls };
};

export const actions: Actions = {
	/** Reads the file and shows every row with its problems; nothing is saved. */
	preview: async (event) => {
		const { db, cls } = await requireTeacherClass(event);
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch {
			return fail(400, { fileError: 'unreadable' as const });
		}
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { fileError: 'empty_file' as const });
		if (file.size > MAX_FILE_BYTES) return fail(400, { fileError: 'too_large' as const });
		const parsed = await parseRosterFile(
			new Uint8Array(await file.arrayBuffer()),
			await classDuplicateKeys(db, cls.id)
		);
		if (!parsed.ok) return fail(400, { fileError: parsed.error, fileName: file.name });
		// A pupil code another pupil of the school has is shown as an error before saving.
		const rows = markCodesTaken(parsed.rows, await schoolPupilCodes(db, cls.schoolId));
		return { fileName: file.name, rows };
	},
	/** Saves every previewed row, or none when any row is wrong now. */
	save: async (event) => {
		const { db, cls } = await requireTeacherClass(event);
		const form = await event.request.formData();
		let submitted: unknown;
		try {
			submitted = JSON.parse(String(form.get('rows') ?? ''));
		} catch {
			return fail(400, { fileError: 'unreadable' as const });
		}
		// One transaction: a failure on any row leaves the class as it was.
		const result = await db
			.transaction()
			.execute((tx) => saveRoster(tx, actorOf(event), cls, submitted));
		if (!result.ok && 'error' in result) return fail(400, { fileError: result.error });
		if (!result.ok) return fail(400, { rows: result.rows });
		return { saved: result.count };
	}
};
