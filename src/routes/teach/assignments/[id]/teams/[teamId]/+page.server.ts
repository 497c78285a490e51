import { fail } from '@sveltejs/kit';
import { requireTeacherTeam } from '$lib/server/projects/guard';
import * as portfolio from '$lib/server/portfolios/portfolio';
import * as reviews from '$lib/server/projects/reviews';
import * as showcase from '$lib/server/projects/showcase';
import { actorOf } from '$lib/server/audit/log';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, assignment, team } = await requireTeacherTeam(event);
	return {
		assignment: { id: assignment.id, title: assignment.title, closedAt: assignment.closedAt },
		criteria: assignment.rubric ?? [],
		team,
		portfolio: await portfolio.loadPortfolio(db, team),
		reviews: await reviews.listReviews(db, team.id),
		entry: (await showcase.getEntry(db, team.id)) ?? null,
		consents: await showcase.standingConsents(db, team.id),
		isPublic: await showcase.isPublic(db, team.id)
	};
};

export const actions: Actions = {
	review: async (event) => {
		const { db, assignment, team } = await requireTeacherTeam(event);
		const form = await event.request.formData();
		const criteria = assignment.rubric ?? [];
		const teamScores = criteria.map((_, i) => Number(form.get(`c${i}`) ?? NaN));
		const adjustments = new Map<number, (number | null)[]>();
		for (const mem of team.members) {
			const adj = criteria.map((_, i) => {
				const v = String(form.get(`adj_${mem.id}_${i}`) ?? '').trim();
				return v === '' ? null : Number(v);
			});
			if (adj.some((v) => v !== null)) adjustments.set(mem.id, adj);
		}
		const feedback = String(form.get('feedback') ?? '').slice(0, 6000);
		const r = await db.transaction().execute((tx) =>
			reviews.returnReview(tx, actorOf(event), {
				teamId: team.id,
				criteria,
				scoring: { team: teamScores, adjustments },
				feedback
			})
		);
		if (!r.ok) return fail(400, { reviewError: r.error, feedback });
		return { returned: true };
	},
	propose: async (event) => {
		const { db, team } = await requireTeacherTeam(event);
		const r = await db.transaction().execute((tx) => showcase.propose(tx, team.id, actorOf(event)));
		if (!r.ok) return fail(400, { showcaseError: r.error });
		return { proposed: true };
	},
	unpropose: async (event) => {
		const { db, team } = await requireTeacherTeam(event);
		await db.transaction().execute((tx) => showcase.unpropose(tx, actorOf(event), team.id));
		return { unproposed: true };
	},
	consent: async (event) => {
		const { db, team } = await requireTeacherTeam(event);
		const form = await event.request.formData();
		const pupilId = Number(form.get('pupilId'));
		const r = await db
			.transaction()
			.execute((tx) =>
				showcase.recordConsent(
					tx,
					team,
					pupilId,
					{ parent: form.get('parent') === 'on', pupil: form.get('pupil') === 'on' },
					actorOf(event)
				)
			);
		if (!r.ok) return fail(400, { showcaseError: r.error, consentFor: pupilId });
		return { consented: pupilId };
	},
	withdraw: async (event) => {
		const { db, team } = await requireTeacherTeam(event);
		const pupilId = Number((await event.request.formData()).get('pupilId'));
		if (!team.members.some((x) => x.id === pupilId))
			return fail(400, { showcaseError: 'not_member' as const });
		await db
			.transaction()
			.execute((tx) => showcase.withdrawConsent(tx, team.id, pupilId, actorOf(event)));
		return { withdrawn: pupilId };
	}
};
