import { fail } from '@sveltejs/kit';
import { requireOpenClass, requireTeacherClass } from '$lib/server/classes/guard';
import { MAX_FILE_BYTES, parseRosterFile } from '$lib/server/classes/roster-import';
import { applyRosterUpdate, planForClass, planSubmitted } from '$lib/server/classes/roster-update';
import { savingCodes } from '$lib/server/classes/pupil-changes';
import { actorOf } from '$lib/server/audit/log';
import { formIds } from '$lib/server/form-ids';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { cls } = await requireTeacherClass(event);
	return { cls };
};

export const actions: Actions = {
	/** Reads the file and matches it to the class: new, changed, unchanged, missing; nothing is saved. */
	preview: async (event) => {
		const { db, cls } = await requireOpenClass(event);
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
		const parsed = await parseRosterFile(new Uint8Array(await file.arrayBuffer()), new Set());
		if (!parsed.ok) return fail(400, { fileError: parsed.error, fileName: file.name });
		return { fileName: file.name, plan: await planForClass(db, cls, parsed.rows) };
	},
	/** Applies the previewed update, or nothing when any row is wrong now. */
	save: async (event) => {
		const { db, cls } = await requireOpenClass(event);
		const form = await event.request.formData();
		let submitted: unknown;
		try {
			submitted = JSON.parse(String(form.get('rows') ?? ''));
		} catch {
			return fail(400, { fileError: 'unreadable' as const });
		}
		// One transaction: a failure on any row leaves the class as it was.
		const saved = await savingCodes(db, (tx) =>
			applyRosterUpdate(tx, actorOf(event), cls, submitted, formIds(form.getAll('leave')))
		);
		if (!saved.ok) {
			// A code another pupil got meanwhile: the plan again, which now says so on its row.
			const again = await planSubmitted(db, cls, submitted);
			return fail(400, again.ok ? { plan: again.plan } : { fileError: again.error });
		}
		const result = saved.value;
		if (!result.ok && 'error' in result) return fail(400, { fileError: result.error });
		if (!result.ok) return fail(400, { plan: result.plan });
		return { applied: { added: result.added, changed: result.changed, left: result.left } };
	}
};
