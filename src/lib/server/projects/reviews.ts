// Reviews: the teacher scores each criterion for the team (optionally adjusted per pupil), writes
// feedback and returns it. Every review is kept, so the history of a project can be read back.
import type { Conn } from '../db';
import { maxPoints, scoreReview, type RubricCriterion, type Scoring } from './rubrics';
import { record, type Actor } from '../audit/log';

/** A review refused: a criterion without a level or points past its top; no feedback (and no rubric) or past 5,000 characters. */
export type ReviewError = 'scores' | 'feedback';

export async function returnReview(
	db: Conn,
	reviewer: Actor,
	input: {
		teamId: number;
		criteria: RubricCriterion[];
		scoring: Scoring;
		feedback: string;
	},
	now = Date.now()
): Promise<{ ok: true; id: number } | { ok: false; error: ReviewError }> {
	const feedback = String(input.feedback ?? '')
		.normalize('NFC')
		.trim();
	if (feedback.length > 5000) return { ok: false, error: 'feedback' };
	const scored = scoreReview(input.criteria, input.scoring);
	if (!scored.ok) return { ok: false, error: 'scores' };
	if (!input.criteria.length && !feedback) return { ok: false, error: 'feedback' };
	const team = await db
		.selectFrom('teams')
		.innerJoin('classes', 'classes.id', 'teams.class_id')
		.leftJoin('reviews', 'reviews.team_id', 'teams.id')
		.select(['classes.school_id', (eb) => eb.fn.count<number>('reviews.id').as('earlier')])
		.where('teams.id', '=', input.teamId)
		.groupBy('classes.school_id')
		.executeTakeFirst();
	const row = await db
		.insertInto('reviews')
		.values({
			team_id: input.teamId,
			reviewer_id: reviewer.id!,
			feedback,
			total: scored.result.total,
			max_total: scored.result.max,
			returned_at: now,
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const scores = scoreRows(row.id, input.criteria, input.scoring);
	if (scores.length) await db.insertInto('review_scores').values(scores).execute();
	await record(
		db,
		reviewer,
		{
			action: Number(team?.earlier ?? 0) > 0 ? 'review.changed' : 'review.given',
			target: { type: 'team', id: input.teamId },
			schoolId: team?.school_id ?? null,
			detail: { reviewId: row.id, total: scored.result.total, max: scored.result.max }
		},
		now
	);
	return { ok: true, id: row.id };
}

/** The review's points: each criterion's for the team, then each pupil's own where adjusted. */
function scoreRows(reviewId: number, criteria: RubricCriterion[], scoring: Scoring) {
	return criteria.flatMap((c, i) => {
		const row = {
			review_id: reviewId,
			criterion: i,
			criterion_title: c.title,
			max_points: maxPoints(c)
		};
		const adjusted = [...scoring.adjustments].filter(
			([, adj]) => adj[i] !== null && adj[i] !== undefined
		);
		return [
			{ ...row, pupil_id: null as number | null, points: scoring.team[i] },
			...adjusted.map(([pupil, adj]) => ({ ...row, pupil_id: pupil, points: adj[i]! }))
		];
	});
}

export interface ReviewView {
	id: number;
	reviewerName: string;
	feedback: string;
	total: number;
	maxTotal: number;
	returnedAt: number;
	scores: {
		criterion: number;
		title: string;
		pupilId: number | null;
		points: number;
		maxPoints: number;
	}[];
}

/** The team's reviews, newest first. */
export async function listReviews(db: Conn, teamId: number): Promise<ReviewView[]> {
	const reviews = await db
		.selectFrom('reviews')
		.innerJoin('users', 'users.id', 'reviews.reviewer_id')
		.select(['reviews.id', 'users.full_name', 'feedback', 'total', 'max_total', 'returned_at'])
		.where('team_id', '=', teamId)
		.orderBy('reviews.id', 'desc')
		.execute();
	if (!reviews.length) return [];
	const scores = await db
		.selectFrom('review_scores')
		.selectAll()
		.where(
			'review_id',
			'in',
			reviews.map((r) => r.id)
		)
		.orderBy('criterion')
		.execute();
	return reviews.map((r) => ({
		id: r.id,
		reviewerName: r.full_name,
		feedback: r.feedback,
		total: r.total,
		maxTotal: r.max_total,
		returnedAt: r.returned_at,
		scores: scores
			.filter((s) => s.review_id === r.id)
			.map((s) => ({
				criterion: s.criterion,
				title: s.criterion_title,
				pupilId: s.pupil_id,
				points: s.points,
				maxPoints: s.max_points
			}))
	}));
}
