import { fail } from '@sveltejs/kit';
import { requirePupilTeam } from '$lib/server/projects/guard';
import * as portfolio from '$lib/server/portfolios/portfolio';
import * as reviews from '$lib/server/projects/reviews';
import { readUploadForm, uploadFile, uploadPhoto } from '$lib/server/portfolios/upload';
import * as assignments from '$lib/server/assignments/assignments';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user, db, team, assignment } = await requirePupilTeam(event);
	const work = (await assignments.pupilStatuses(db, assignment, [user.id])).get(user.id)!;
	const p = await portfolio.loadPortfolio(db, team);
	return {
		me: user.id,
		team: { id: team.id, name: team.name, className: team.className, members: team.members },
		assignment: {
			title: assignment.title,
			instructions: assignment.instructions,
			dueOn: assignment.dueOn,
			closed: assignment.closedAt !== null
		},
		status: work.status,
		portfolio: p,
		reviews: await reviews.listReviews(db, team.id)
	};
};

const text = (form: FormData, name: string, max: number) =>
	String(form.get(name) ?? '').slice(0, max);

export const actions: Actions = {
	entry: async (event) => {
		const { user, db, team } = await requirePupilTeam(event);
		const form = await event.request.formData();
		const stepKey = text(form, 'stepKey', 50);
		const body = text(form, 'body', portfolio.MAX_ENTRY + 1000);
		const r = await portfolio.addEntry(db, team, stepKey, user.id, body);
		if (!r.ok) return fail(400, { step: stepKey, entryError: r.error, body });
		return { step: stepKey, entryAdded: true };
	},
	reflection: async (event) => {
		const { user, db, team } = await requirePupilTeam(event);
		const form = await event.request.formData();
		const stepKey = text(form, 'stepKey', 50);
		const body = text(form, 'body', portfolio.MAX_REFLECTION + 1000);
		const r = await portfolio.saveReflection(db, team, stepKey, user.id, body);
		if (!r.ok) return fail(400, { step: stepKey, reflectionError: r.error, reflection: body });
		return { step: stepKey, reflectionSaved: true };
	},
	photo: async (event) => {
		const { user, db, team } = await requirePupilTeam(event);
		const read = await readUploadForm(event.request);
		// Unread, the form does not say its step: the page's action names it in the address too.
		const step = (event.url.searchParams.get('step') ?? '').slice(0, 50);
		if (!read.ok)
			return fail(read.error === 'too_big' ? 413 : 400, { step, photoError: read.error });
		const form = read.form;
		const stepKey = text(form, 'stepKey', 50);
		const r = await uploadPhoto(db, team, user.id, {
			stepKey,
			file: form.get('photo'),
			clientKey: null,
			caption: text(form, 'caption', 300)
		});
		if (!r.ok) return fail(400, { step: stepKey, photoError: r.error });
		return { step: stepKey, photoAdded: true };
	},
	file: async (event) => {
		const { user, db, team } = await requirePupilTeam(event);
		const read = await readUploadForm(event.request);
		const step = (event.url.searchParams.get('step') ?? '').slice(0, 50);
		if (!read.ok)
			return fail(read.error === 'too_big' ? 413 : 400, { step, fileError: read.error });
		const form = read.form;
		const stepKey = text(form, 'stepKey', 50);
		const r = await uploadFile(db, team, user.id, { stepKey, file: form.get('file') });
		if (!r.ok) return fail(400, { step: stepKey, fileError: r.error });
		return { step: stepKey, fileAdded: true };
	},
	submitStep: async (event) => {
		const { user, db, team } = await requirePupilTeam(event);
		const stepKey = text(await event.request.formData(), 'stepKey', 50);
		const r = await portfolio.submit(db, team, stepKey, user.id);
		if (!r.ok) return fail(400, { step: stepKey, submitError: r.error });
		return { step: stepKey, stepSubmitted: true };
	},
	submitAll: async (event) => {
		const { user, db, team } = await requirePupilTeam(event);
		// A project with empty steps is handed in only once the team has seen which and confirmed.
		const form = await event.request.formData().catch(() => new FormData());
		if (form.get('confirmEmpty') !== '1') {
			const empty = await portfolio.emptySteps(db, team);
			if (empty.length) return fail(400, { emptySteps: empty.map((s) => s.label) });
		}
		const r = await portfolio.submit(db, team, null, user.id);
		if (!r.ok) return fail(400, { submitError: r.error });
		return { allSubmitted: true };
	}
};
