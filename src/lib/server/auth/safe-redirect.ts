/** A same-site path to go back to, or the fallback: never another site (no open redirect). */
export function safePath(value: unknown, fallback: string): string {
	const s = typeof value === 'string' ? value : '';
	return s.startsWith('/') && !s.startsWith('//') && !s.startsWith('/\\') ? s : fallback;
}
