// Attitude surveys: forms and items written by the department, windows opened for chosen schools,
// one response per person and window, scale scores (their results: reports/attitude.ts).
import type { Conn } from '../db';
import type { SurveyAudience, SurveyScale } from '../db/types';
import { cleanText } from '$lib/text/normalize';
import { today as todayInVietnam } from '../classes/pupils';
import { scaleScores } from './scoring';

export const PUPIL_SCALES: SurveyScale[] = ['maths', 'science', 'engineering', 'skills', 'careers'];
export const TEACHER_SCALES: SurveyScale[] = ['efficacy', 'practices', 'skills', 'careers'];
export const ALL_SCALES: SurveyScale[] = [
	'maths',
	'science',
	'engineering',
	'skills',
	'careers',
	'efficacy',
	'practices'
];
export const SCALE_VALUES = [1, 2, 3, 4, 5];

export interface SurveyItem {
	id: number;
	scale: SurveyScale;
	position: number;
	text: string;
	reversed: boolean;
}

export interface SurveyForm {
	id: number;
	audience: SurveyAudience;
	title: string;
	version: number;
	items: SurveyItem[];
}

/** Which form a person answers: grades 4–5 the primary form, 6–12 the secondary one; none below grade 4. */
export function audienceOf(user: { role: string }, grade: number | null): SurveyAudience | null {
	if (user.role === 'teacher') return 'teacher';
	if (user.role !== 'student' || grade === null) return null;
	if (grade >= 4 && grade <= 5) return 'pupil_primary';
	if (grade >= 6) return 'pupil_secondary';
	return null;
}

/** Every form and version; `current`: the one of its audience that new windows use. */
export async function listForms(db: Conn) {
	const rows = await db
		.selectFrom('survey_forms')
		.select(['id', 'audience', 'title', 'version', 'replaced_at'])
		.orderBy('audience')
		.orderBy('version', 'desc')
		.execute();
	return rows.map(({ replaced_at, ...f }) => ({ ...f, current: replaced_at === null }));
}

export async function getForm(db: Conn, id: number): Promise<SurveyForm | undefined> {
	const form = await db
		.selectFrom('survey_forms')
		.select(['id', 'audience', 'title', 'version'])
		.where('id', '=', id)
		.executeTakeFirst();
	if (!form) return undefined;
	const items = await db
		.selectFrom('survey_items')
		.select(['id', 'scale', 'position', 'text', 'reversed'])
		.where('form_id', '=', id)
		.where('archived', '=', 0)
		.orderBy('position')
		.execute();
	return { ...form, items: items.map((i) => ({ ...i, reversed: i.reversed === 1 })) };
}

export type ItemError = 'text_required' | 'text_too_long' | 'scale_invalid' | 'reversed_primary';

/**
 * An item as the department typed it. Grades 4–5 get no reverse-worded items ("Học Toán làm em thấy
 * sợ"): young children answer the wording, not the scale, so a reversed item measures confusion.
 */
export function checkItem(input: {
	text: string;
	scale: string;
	audience: SurveyAudience;
	reversed?: boolean;
}): {
	text: string;
	scale: SurveyScale;
	errors: ItemError[];
} {
	const text = cleanText(input.text);
	const errors: ItemError[] = [];
	if (!text) errors.push('text_required');
	if (text.length > 300) errors.push('text_too_long');
	const allowed = input.audience === 'teacher' ? TEACHER_SCALES : PUPIL_SCALES;
	if (!allowed.includes(input.scale as SurveyScale)) errors.push('scale_invalid');
	if (input.reversed && input.audience === 'pupil_primary') errors.push('reversed_primary');
	return { text, scale: input.scale as SurveyScale, errors };
}

/**
 * A form's items are locked once any of its windows has a response: changing, adding or removing an
 * item then would make the pre and post rounds ask different questions. A new version is a new form
 * (versions.ts); a version that was replaced stays as it was.
 */
export async function itemsLocked(db: Conn, formId: number): Promise<boolean> {
	const form = await db
		.selectFrom('survey_forms')
		.select('replaced_at')
		.where('id', '=', formId)
		.executeTakeFirst();
	if (form && form.replaced_at !== null) return true;
	const row = await db
		.selectFrom('survey_responses as r')
		.innerJoin('survey_windows as w', 'w.id', 'r.window_id')
		.select('r.id')
		.where('w.form_id', '=', formId)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

export type ItemChange = 'ok' | 'locked' | 'not_found';

export async function addItem(
	db: Conn,
	formId: number,
	item: { text: string; scale: SurveyScale; reversed: boolean },
	now = Date.now()
): Promise<ItemChange> {
	if (await itemsLocked(db, formId)) return 'locked';
	const last = await db
		.selectFrom('survey_items')
		.select((eb) => eb.fn.max('position').as('p'))
		.where('form_id', '=', formId)
		.executeTakeFirst();
	await db
		.insertInto('survey_items')
		.values({
			form_id: formId,
			scale: item.scale,
			position: Number(last?.p ?? 0) + 1,
			text: item.text,
			reversed: item.reversed ? 1 : 0
		})
		.execute();
	await db.updateTable('survey_forms').set({ updated_at: now }).where('id', '=', formId).execute();
	return 'ok';
}

/** Edits an item's wording, while the form has no answers. */
export async function updateItemText(
	db: Conn,
	formId: number,
	itemId: number,
	text: string
): Promise<ItemChange> {
	if (await itemsLocked(db, formId)) return 'locked';
	const r = await db
		.updateTable('survey_items')
		.set({ text })
		.where('id', '=', itemId)
		.where('form_id', '=', formId)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1 ? 'ok' : 'not_found';
}

/** Removes an item, while the form has no answers. */
export async function archiveItem(db: Conn, formId: number, itemId: number): Promise<ItemChange> {
	if (await itemsLocked(db, formId)) return 'locked';
	const r = await db
		.updateTable('survey_items')
		.set({ archived: 1 })
		.where('id', '=', itemId)
		.where('form_id', '=', formId)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1 ? 'ok' : 'not_found';
}

export interface WindowInput {
	formId: number;
	schoolYearId: number;
	phase: 'pre' | 'post';
	opensOn: string;
	closesOn: string;
	schoolIds: number[];
}

export type WindowError = 'dates_invalid' | 'no_schools' | 'form_invalid' | 'phase_invalid';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function checkWindow(w: WindowInput): WindowError[] {
	const errors: WindowError[] = [];
	if (
		!ISO.test(w.opensOn) ||
		!ISO.test(w.closesOn) ||
		Number.isNaN(Date.parse(w.opensOn)) ||
		Number.isNaN(Date.parse(w.closesOn)) ||
		w.closesOn < w.opensOn
	)
		errors.push('dates_invalid');
	if (!w.schoolIds.length) errors.push('no_schools');
	if (w.phase !== 'pre' && w.phase !== 'post') errors.push('phase_invalid');
	return errors;
}

export async function openWindow(
	db: Conn,
	w: WindowInput,
	by: number | null,
	now = Date.now()
): Promise<number> {
	const row = await db
		.insertInto('survey_windows')
		.values({
			form_id: w.formId,
			school_year_id: w.schoolYearId,
			phase: w.phase,
			opens_on: w.opensOn,
			closes_on: w.closesOn,
			created_by: by,
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('survey_window_schools')
		.values(w.schoolIds.map((school_id) => ({ window_id: row.id, school_id })))
		.execute();
	return row.id;
}

/** The windows of every form, or of one form (its page), newest first. */
export async function listWindows(db: Conn, formId?: number) {
	const rows = await db
		.selectFrom('survey_windows as w')
		.innerJoin('survey_forms as f', 'f.id', 'w.form_id')
		.innerJoin('school_years as y', 'y.id', 'w.school_year_id')
		.$if(formId !== undefined, (q) => q.where('w.form_id', '=', formId!))
		.select((eb) => [
			'w.id',
			'w.phase',
			'w.opens_on',
			'w.closes_on',
			'f.id as form_id',
			'f.title',
			'f.version',
			'f.audience',
			'y.name as year_name',
			eb
				.selectFrom('survey_window_schools as ws')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('ws.window_id', '=', 'w.id')
				.as('schools'),
			eb
				.selectFrom('survey_responses as r')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('r.window_id', '=', 'w.id')
				.as('responses')
		])
		.orderBy('w.opens_on', 'desc')
		.execute();
	return rows.map((r) => ({ ...r, schools: Number(r.schools), responses: Number(r.responses) }));
}

/** Where a person stands: their school, class and grade now. */
export async function respondentOf(
	db: Conn,
	user: { id: number; role: string; schoolId: number | null }
) {
	if (user.role === 'student') {
		const row = await db
			.selectFrom('enrolments as e')
			.innerJoin('classes as c', 'c.id', 'e.class_id')
			.leftJoin('pupil_profiles as p', 'p.user_id', 'e.pupil_id')
			.select(['c.id as class_id', 'c.school_id', 'c.grade', 'p.gender', 'p.ethnicity'])
			.where('e.pupil_id', '=', user.id)
			.where('e.ended_on', 'is', null)
			.executeTakeFirst();
		return row
			? {
					classId: row.class_id,
					schoolId: row.school_id,
					grade: row.grade as number | null,
					gender: row.gender ?? '',
					ethnicity: row.ethnicity ?? ''
				}
			: null;
	}
	if (user.role === 'teacher' && user.schoolId)
		return { classId: null, schoolId: user.schoolId, grade: null, gender: '', ethnicity: '' };
	return null;
}

/** The windows open today for this person's school and form, and whether they have answered each. */
export async function windowsFor(
	db: Conn,
	user: { id: number; role: string; schoolId: number | null },
	today: string
) {
	const who = await respondentOf(db, user);
	if (!who) return [];
	const audience = audienceOf(user, who.grade);
	if (!audience) return [];
	const rows = await db
		.selectFrom('survey_windows as w')
		.innerJoin('survey_forms as f', 'f.id', 'w.form_id')
		.innerJoin('survey_window_schools as ws', 'ws.window_id', 'w.id')
		.leftJoin('survey_responses as r', (j) =>
			j.onRef('r.window_id', '=', 'w.id').on('r.respondent_id', '=', user.id)
		)
		.select(['w.id', 'w.phase', 'w.closes_on', 'f.id as form_id', 'f.title', 'r.id as response_id'])
		.where('ws.school_id', '=', who.schoolId)
		.where('f.audience', '=', audience)
		.where('w.opens_on', '<=', today)
		.where('w.closes_on', '>=', today)
		.orderBy('w.opens_on')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		phase: r.phase,
		closesOn: r.closes_on,
		formId: r.form_id,
		title: r.title,
		answered: r.response_id !== null
	}));
}

export type SubmitResult =
	{ ok: true } | { ok: false; error: 'not_open' | 'already_answered' | 'incomplete' };

/**
 * Saves one response, or nothing: the window must be open for the person today, every item answered
 * 1–5, and no earlier response in this window (the unique index settles a double submit).
 */
export async function submitResponse(
	db: Conn,
	user: { id: number; role: string; schoolId: number | null },
	windowId: number,
	raw: Map<number, number>,
	now = Date.now()
): Promise<SubmitResult> {
	const today = todayInVietnam(now);
	const open = (await windowsFor(db, user, today)).find((w) => w.id === windowId);
	if (!open) return { ok: false, error: 'not_open' };
	if (open.answered) return { ok: false, error: 'already_answered' };
	const win = await db
		.selectFrom('survey_windows')
		.select('form_id')
		.where('id', '=', windowId)
		.executeTakeFirstOrThrow();
	const form = (await getForm(db, win.form_id))!;
	for (const item of form.items) {
		const v = raw.get(item.id);
		if (v === undefined || !SCALE_VALUES.includes(v)) return { ok: false, error: 'incomplete' };
	}
	const who = (await respondentOf(db, user))!;
	const inserted = await db
		.insertInto('survey_responses')
		.values({
			window_id: windowId,
			respondent_id: user.id,
			school_id: who.schoolId,
			class_id: who.classId,
			grade: who.grade,
			gender: who.gender,
			ethnicity: who.ethnicity,
			submitted_at: now
		})
		.onConflict((oc) => oc.columns(['window_id', 'respondent_id']).doNothing())
		.returning('id')
		.executeTakeFirst();
	if (!inserted) return { ok: false, error: 'already_answered' };
	await db
		.insertInto('survey_answers')
		.values(
			form.items.map((i) => ({ response_id: inserted.id, item_id: i.id, value: raw.get(i.id)! }))
		)
		.execute();
	const scores = scaleScores(form.items, raw);
	await db
		.insertInto('survey_scale_scores')
		.values([...scores].map(([scale, score]) => ({ response_id: inserted.id, scale, score })))
		.execute();
	return { ok: true };
}
