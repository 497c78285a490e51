// A new version of a survey form is a new form (issue 15): once a form's items are locked (a window has
// answers), the department starts a copy of its items that it may edit and that new windows of the
// audience use; the old version keeps its windows, answers and results, and pre and post are compared
// within one version (each version's windows are its own). One current form per audience (migration
// 0025's partial unique index).
import type { Conn } from '../db';
import { itemsLocked } from './surveys';

export type NewVersion =
	{ ok: true; id: number } | { ok: false; error: 'not_locked' | 'not_current' | 'not_found' };

/** Starts the next version of a locked, current form: its items copied in order. Run in a transaction. */
export async function startNewVersion(
	db: Conn,
	formId: number,
	now = Date.now()
): Promise<NewVersion> {
	const form = await db
		.selectFrom('survey_forms')
		.select(['audience', 'title', 'version', 'replaced_at'])
		.where('id', '=', formId)
		.executeTakeFirst();
	if (!form) return { ok: false, error: 'not_found' };
	if (form.replaced_at !== null) return { ok: false, error: 'not_current' };
	if (!(await itemsLocked(db, formId))) return { ok: false, error: 'not_locked' };
	// Two clicks at once: only one replaces the current form.
	const replaced = await db
		.updateTable('survey_forms')
		.set({ replaced_at: now })
		.where('id', '=', formId)
		.where('replaced_at', 'is', null)
		.executeTakeFirst();
	if (Number(replaced.numUpdatedRows) !== 1) return { ok: false, error: 'not_current' };
	const { id } = await db
		.insertInto('survey_forms')
		.values({
			audience: form.audience,
			title: form.title,
			version: form.version + 1,
			replaced_at: null,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await copyItems(db, formId, id);
	return { ok: true, id };
}

async function copyItems(db: Conn, from: number, to: number) {
	const items = await db
		.selectFrom('survey_items')
		.select(['scale', 'text', 'reversed'])
		.where('form_id', '=', from)
		.where('archived', '=', 0)
		.orderBy('position')
		.execute();
	if (!items.length) return;
	await db
		.insertInto('survey_items')
		.values(items.map((item, i) => ({ ...item, form_id: to, position: i + 1 })))
		.execute();
}

/** The versions of a form's audience, newest first (the form page links them). */
export async function versionsOf(db: Conn, formId: number) {
	const rows = await db
		.selectFrom('survey_forms as f')
		.innerJoin('survey_forms as o', 'o.audience', 'f.audience')
		.select(['o.id', 'o.version', 'o.replaced_at'])
		.where('f.id', '=', formId)
		.orderBy('o.version', 'desc')
		.execute();
	return rows.map((r) => ({ id: r.id, version: r.version, current: r.replaced_at === null }));
}
