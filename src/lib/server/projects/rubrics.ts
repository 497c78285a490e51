// Rubrics: criteria × levels (a descriptor and points per level), reusable and editable by the teacher.
import type { Conn } from '../db';
import { cleanText } from '$lib/text/normalize';
import { LEVELS_SECONDARY, levelNames } from '$lib/curriculum/lesson';

export interface RubricLevel {
	descriptor: string;
	points: number;
}
export interface RubricCriterion {
	title: string;
	description: string;
	levels: RubricLevel[];
}
export interface Rubric {
	id: number;
	schoolId: number;
	ownerId: number;
	title: string;
	criteria: RubricCriterion[];
	updatedAt: number;
}

export const MAX_CRITERIA = 8;
export const MAX_LEVELS = 5;
export const LEVEL_NAMES = LEVELS_SECONDARY;

/**
 * A starting rubric from a lesson's assessment criteria (or the design process's usual ones): the
 * levels of the lesson's grades (three of Thông tư 27 in primary, four in secondary), each carrying
 * the lesson's descriptor of that level ("Hoàn thành tốt: …") when the lesson has one.
 */
export function startRubric(
	criteria: { title: string; description: string; levels?: string[] }[],
	grades: number[] = []
): RubricCriterion[] {
	const names = levelNames(grades);
	const base = criteria.length
		? criteria
		: [
				{
					title: 'Xác định vấn đề và tiêu chí',
					description: 'Nêu rõ vấn đề cần giải quyết và tiêu chí của sản phẩm'
				},
				{
					title: 'Giải pháp và bản vẽ',
					description: 'Đề xuất, so sánh và chọn giải pháp; bản vẽ thiết kế'
				},
				{
					title: 'Sản phẩm mẫu và thử nghiệm',
					description: 'Chế tạo, đo đạc, đánh giá theo tiêu chí, cải tiến'
				},
				{
					title: 'Trình bày và hợp tác',
					description: 'Chia sẻ kết quả; mọi thành viên cùng tham gia'
				}
			];
	return base.map((c: { title: string; description: string; levels?: string[] }) => {
		const own = c.levels?.length === names.length ? c.levels : null;
		return {
			title: c.title,
			description: c.description,
			levels: names.map((d, i) => ({
				descriptor: own ? `${d}: ${own[i]}`.slice(0, 500) : d,
				points: i + 1
			}))
		};
	});
}

export type RubricErrors = Partial<
	Record<'title' | 'criteria', 'required' | 'invalid' | 'too_long'>
>;

/**
 * Reads the editor's grid (c{i}_title, c{i}_desc, c{i}_l{j}_desc, c{i}_l{j}_points): empty criteria rows
 * are skipped, a criterion needs at least two levels with points that rise.
 */
export function rubricFromForm(form: { get(name: string): unknown }): {
	title: string;
	criteria: RubricCriterion[];
	errors: RubricErrors;
} {
	const errors: RubricErrors = {};
	const title = cleanText(form.get('title')).slice(0, 300);
	if (!title) errors.title = 'required';
	else if (title.length > 200) errors.title = 'too_long';
	const criteria: RubricCriterion[] = [];
	for (let i = 0; i < MAX_CRITERIA; i++) {
		const ct = cleanText(form.get(`c${i}_title`)).slice(0, 300);
		if (!ct) continue;
		const levels: RubricLevel[] = [];
		for (let j = 0; j < MAX_LEVELS; j++) {
			const d = cleanText(form.get(`c${i}_l${j}_desc`)).slice(0, 500);
			const p = String(form.get(`c${i}_l${j}_points`) ?? '').trim();
			if (!d && !p) continue;
			const points = Number(p);
			if (!d || p === '' || !Number.isFinite(points) || points < 0 || points > 100)
				errors.criteria = 'invalid';
			levels.push({ descriptor: d, points });
		}
		if (levels.length < 2) errors.criteria = 'invalid';
		for (let j = 1; j < levels.length; j++)
			if (levels[j].points <= levels[j - 1].points) errors.criteria = 'invalid';
		criteria.push({
			title: ct,
			description: cleanText(form.get(`c${i}_desc`)).slice(0, 1000),
			levels
		});
	}
	if (!criteria.length) errors.criteria ??= 'required';
	return { title, criteria, errors };
}

export const maxPoints = (c: RubricCriterion) => Math.max(...c.levels.map((l) => l.points));

export interface Scoring {
	/** The team's points per criterion (one of the criterion's level points). */
	team: number[];
	/** Optional per-pupil points per criterion (null: same as the team). */
	adjustments: Map<number, (number | null)[]>;
}

export interface ScoreResult {
	total: number;
	max: number;
	perPupil: Map<number, number>;
}

/** Checks and totals a review: team points must be a level's points; an adjustment stays within 0…max. */
export function scoreReview(
	criteria: RubricCriterion[],
	s: Scoring
): { ok: true; result: ScoreResult } | { ok: false } {
	if (s.team.length !== criteria.length) return { ok: false };
	for (let i = 0; i < criteria.length; i++)
		if (!criteria[i].levels.some((l) => l.points === s.team[i])) return { ok: false };
	const max = criteria.reduce((sum, c) => sum + maxPoints(c), 0);
	const total = s.team.reduce((a, b) => a + b, 0);
	const perPupil = new Map<number, number>();
	for (const [pupil, adj] of s.adjustments) {
		let sum = 0;
		for (let i = 0; i < criteria.length; i++) {
			const v = adj[i];
			if (
				v !== null &&
				v !== undefined &&
				(!Number.isFinite(v) || v < 0 || v > maxPoints(criteria[i]))
			)
				return { ok: false };
			sum += v ?? s.team[i];
		}
		perPupil.set(pupil, sum);
	}
	return { ok: true, result: { total, max, perPupil } };
}

type Row = {
	id: number;
	school_id: number;
	owner_id: number;
	title: string;
	criteria_json: string;
	updated_at: number;
};
const toRubric = (r: Row): Rubric => ({
	id: r.id,
	schoolId: r.school_id,
	ownerId: r.owner_id,
	title: r.title,
	criteria: JSON.parse(r.criteria_json),
	updatedAt: r.updated_at
});

export async function getRubric(db: Conn, id: number): Promise<Rubric | undefined> {
	const r = await db.selectFrom('rubrics').selectAll().where('id', '=', id).executeTakeFirst();
	return r && toRubric(r);
}

/** Rubrics of the teacher's school: colleagues reuse each other's. */
export async function listRubrics(db: Conn, schoolId: number): Promise<Rubric[]> {
	const rows = await db
		.selectFrom('rubrics')
		.selectAll()
		.where('school_id', '=', schoolId)
		.orderBy('title')
		.execute();
	return rows.map(toRubric);
}

export async function saveRubric(
	db: Conn,
	teacher: { id: number; schoolId: number },
	id: number | null,
	value: { title: string; criteria: RubricCriterion[] },
	now = Date.now()
): Promise<number> {
	const json = JSON.stringify(value.criteria);
	if (id) {
		await db
			.updateTable('rubrics')
			.set({ title: value.title, criteria_json: json, updated_at: now })
			.where('id', '=', id)
			.execute();
		return id;
	}
	const row = await db
		.insertInto('rubrics')
		.values({
			school_id: teacher.schoolId,
			owner_id: teacher.id,
			title: value.title,
			criteria_json: json,
			created_at: now,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}
