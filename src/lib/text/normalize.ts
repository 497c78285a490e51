// Vietnamese text helpers shared by the server and the browser.

/** NFC, trimmed, inner runs of white space folded to one space: how names are stored. */
export function cleanText(value: unknown): string {
	return String(value ?? '')
		.normalize('NFC')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * A key for comparing and searching that ignores case and Vietnamese diacritics:
 * "Động cơ Điện" and "dong co dien" give the same key ('đ' becomes 'd').
 */
export function foldKey(value: unknown): string {
	return cleanText(value)
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase();
}

/** A file name's part from a Vietnamese name: "Lớp 6A1 – Đồng Đăng" → "lop-6a1-dong-dang". */
export function fileSlug(value: unknown): string {
	return (
		foldKey(value)
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'mam-stem'
	);
}
