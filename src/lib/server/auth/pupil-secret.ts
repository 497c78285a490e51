import { foldKey } from '$lib/text/normalize';
import { PICTURES, type SecretKind } from '$lib/secrets';

/**
 * Does the answer match the stored secret? Pictures may be picked in any order; words are
 * compared ignoring case, diacritics and spacing, since many school tablets lack a
 * Vietnamese keyboard.
 */
export function secretMatches(kind: SecretKind, secret: string, answer: string[]): boolean {
	if (kind === 'pictures') {
		const ids = answer.map((a) => Number(a));
		if (ids.length !== 2 || ids.some((i) => !Number.isInteger(i) || i < 0 || i >= PICTURES.length))
			return false;
		if (ids[0] === ids[1]) return false;
		return ids.sort((a, b) => a - b).join(',') === secret;
	}
	if (answer.length !== 2) return false;
	const expected = secret.split('|').map(foldKey);
	return answer.map(foldKey).join('|') === expected.join('|');
}
