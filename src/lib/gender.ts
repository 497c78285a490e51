import { m } from '$lib/paraglide/messages';

/** A pupil's recorded gender in the page's language ('' when not given). */
export function genderLabel(g: string | null): string {
	return g === 'female' ? m.gender_female() : g === 'male' ? m.gender_male() : '';
}
