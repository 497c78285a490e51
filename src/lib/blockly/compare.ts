// Comparing a program's output with the expected one, kindly: case and extra spaces never matter;
// for grades 3–5 (spec.io.ignoreDiacritics) neither do the Vietnamese tone marks. When they differ,
// why, in a form the page turns into words a child reads.

const collapse = (s: string) =>
	s
		.normalize('NFC')
		.split('\n')
		.map((line) => line.trim().replace(/\s+/g, ' '))
		.join('\n')
		.trim();

export const stripDiacritics = (s: string) =>
	s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D');

export function sameOutput(expected: string, got: string, ignoreDiacritics = false): boolean {
	let a = collapse(expected).toLocaleLowerCase('vi');
	let b = collapse(got).toLocaleLowerCase('vi');
	if (ignoreDiacritics) [a, b] = [stripDiacritics(a), stripDiacritics(b)];
	return a === b;
}

/** Why two outputs differ: nothing printed, only the tone marks, or the text itself. */
export function outputDifference(expected: string, got: string): 'empty' | 'accents' | 'text' {
	if (!collapse(got)) return 'empty';
	if (sameOutput(expected, got, true)) return 'accents';
	return 'text';
}

/** A JavaScript run-time error as a reason the page explains in the pupil's language. */
export function runtimeReason(
	message: string
): 'not_defined' | 'not_function' | 'recursion' | 'other' {
	if (/is not defined/.test(message)) return 'not_defined';
	if (/is not a function/.test(message)) return 'not_function';
	if (/call stack|too much recursion/i.test(message)) return 'recursion';
	return 'other';
}
