// The pre round comes before the pilot: it asks pupils nothing they cannot know yet (its blocks, its
// lessons, its projects, its portfolios), or their answers measure the question, not their attitude.
// One home for the rule: the seeded forms' test, items added or edited on a form a pre window will ask,
// and a pre window opened on a form.
import { foldKey } from '$lib/text/normalize';
import type { Conn } from '../db';
import type { SurveyAudience } from '../db/types';

/**
 * Words only the pilot teaches, as foldKey writes them (no case, no diacritics): an item typed
 * without its diacritics ("khoi lenh") is the same item to the pupil who reads it.
 */
const PILOT_ONLY = /\b(khoi lenh|blockly|lap trinh khoi|mam stem|bai hoc stem|du an stem|ho so)\b/;

/** Whether an item's wording asks what only the pilot teaches; teachers' forms are not checked. */
export function asksWhatOnlyThePilotTeaches(audience: SurveyAudience, text: string): boolean {
	return audience !== 'teacher' && PILOT_ONLY.test(foldKey(text));
}

/** Whether a pre window of the form has not closed yet: an item changed now would be asked in it. */
export async function preWindowAhead(db: Conn, formId: number, today: string): Promise<boolean> {
	const row = await db
		.selectFrom('survey_windows')
		.select('id')
		.where('form_id', '=', formId)
		.where('phase', '=', 'pre')
		.where('closes_on', '>=', today)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

/** An item added or edited on this form: refused when a pre window ahead would ask what it asks. */
export async function preRoundRefuses(
	db: Conn,
	form: { id: number; audience: SurveyAudience },
	text: string,
	today: string
): Promise<boolean> {
	return (
		asksWhatOnlyThePilotTeaches(form.audience, text) && (await preWindowAhead(db, form.id, today))
	);
}

/** The items a pre window on this form may not ask (none: it may be opened). */
export async function pilotOnlyItems(db: Conn, formId: number): Promise<string[]> {
	const form = await db
		.selectFrom('survey_forms')
		.select('audience')
		.where('id', '=', formId)
		.executeTakeFirst();
	if (!form) return [];
	const items = await db
		.selectFrom('survey_items')
		.select('text')
		.where('form_id', '=', formId)
		.where('archived', '=', 0)
		.orderBy('position')
		.execute();
	return items.map((i) => i.text).filter((t) => asksWhatOnlyThePilotTeaches(form.audience, t));
}
