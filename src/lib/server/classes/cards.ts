// Login cards: each pupil's secret, printed for the class. Reading them is recorded in the audit
// trail (the cards let anyone holding them sign in as the child).
import type { Conn } from '../db';
import { record, type Actor } from '../audit/log';
import { listRoster } from './pupils';
import { picturesOf, wordsOf } from '$lib/secrets';

export interface LoginCard {
	id: number;
	fullName: string;
	pictures: ReturnType<typeof picturesOf> | null;
	words: ReturnType<typeof wordsOf> | null;
}

/**
 * The class's cards (or one pupil's, after a new secret), and an audit entry saying who opened them.
 */
export async function loginCards(
	db: Conn,
	actor: Actor,
	cls: { id: number; schoolId: number },
	now = Date.now(),
	onlyPupil: number | null = null
): Promise<LoginCard[]> {
	const roster = await listRoster(db, cls.id);
	const chosen = onlyPupil === null ? roster : roster.filter((p) => p.id === onlyPupil);
	const cards = chosen.map((p) => ({
		id: p.id,
		fullName: p.fullName,
		pictures: p.secretKind === 'pictures' ? picturesOf(p.secret) : null,
		words: p.secretKind === 'words' ? wordsOf(p.secret) : null
	}));
	await record(
		db,
		actor,
		{
			action: 'class.cards_printed',
			target: { type: 'class', id: cls.id },
			schoolId: cls.schoolId,
			detail: { pupils: cards.length }
		},
		now
	);
	return cards;
}
