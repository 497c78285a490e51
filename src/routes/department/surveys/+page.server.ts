import { fail } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { listYears } from '$lib/server/schools/years';
import { listSchools } from '$lib/server/schools/schools';
import * as surveys from '$lib/server/surveys/surveys';
import { pilotOnlyItems } from '$lib/server/surveys/pre-round';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'department', 'admin');
	const db = database();
	return {
		forms: await surveys.listForms(db),
		windows: await surveys.listWindows(db),
		years: await listYears(db),
		schools: (await listSchools(db)).map((s) => ({ id: s.id, name: s.name }))
	};
};

export const actions: Actions = {
	open: async (event) => {
		const user = requireRole(event, 'department', 'admin');
		const db = database();
		const form = await event.request.formData();
		const input = {
			formId: Number(form.get('formId')),
			schoolYearId: Number(form.get('yearId')),
			phase: String(form.get('phase') ?? '') as 'pre' | 'post',
			opensOn: String(form.get('opensOn') ?? ''),
			closesOn: String(form.get('closesOn') ?? ''),
			schoolIds: form
				.getAll('schoolIds')
				.map(Number)
				.filter((n) => Number.isSafeInteger(n) && n > 0)
		};
		const errors: string[] = surveys.checkWindow(input);
		const known = new Set((await listSchools(db)).map((s) => s.id));
		if (input.schoolIds.some((id) => !known.has(id))) errors.push('no_schools');
		// New windows use the audience's current form (an older version keeps the windows it had).
		if (!(await surveys.listForms(db)).some((f) => f.id === input.formId && f.current))
			errors.push('form_invalid');
		if (!(await listYears(db)).some((y) => y.id === input.schoolYearId))
			errors.push('dates_invalid');
		const pilotOnly = input.phase === 'pre' ? await pilotOnlyItems(db, input.formId) : [];
		if (pilotOnly.length) errors.push('pilot_only_pre');
		// What was chosen comes back with the refusal: a form posted before the page's script arrived
		// is drawn again by the server, filled in as it was sent.
		if (errors.length) return fail(400, { errors: [...new Set(errors)], pilotOnly, values: input });
		await db.transaction().execute((tx) => surveys.openWindow(tx, input, user.id));
		return { opened: true };
	}
};
