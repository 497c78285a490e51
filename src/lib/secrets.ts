// The pictures and words children sign in with. Shared by the server and the pages.

export interface Picture {
	id: number;
	emoji: string;
	vi: string;
	en: string;
}

/** Nine pictures a six-year-old in Lạng Sơn knows; a secret is two of them. */
export const PICTURES: Picture[] = [
	{ id: 0, emoji: '🌸', vi: 'Hoa', en: 'Flower' },
	{ id: 1, emoji: '🐃', vi: 'Con trâu', en: 'Buffalo' },
	{ id: 2, emoji: '🌽', vi: 'Bắp ngô', en: 'Corn' },
	{ id: 3, emoji: '⭐', vi: 'Ngôi sao', en: 'Star' },
	{ id: 4, emoji: '🐟', vi: 'Con cá', en: 'Fish' },
	{ id: 5, emoji: '🍵', vi: 'Chén chè', en: 'Tea' },
	{ id: 6, emoji: '🏠', vi: 'Ngôi nhà', en: 'House' },
	{ id: 7, emoji: '🌙', vi: 'Mặt trăng', en: 'Moon' },
	{ id: 8, emoji: '🐓', vi: 'Con gà', en: 'Rooster' }
];

/** Short words pupils of grades 6–12 can spell; a secret is two of them. */
export const WORDS = [
	'hoa hồi',
	'quả na',
	'núi',
	'sông',
	'mây',
	'mưa',
	'nắng',
	'gió',
	'cây tre',
	'lá chè',
	'con trâu',
	'con gà',
	'con cá',
	'ngôi sao',
	'mặt trăng',
	'cầu vồng',
	'bánh chưng',
	'nhà sàn',
	'ruộng',
	'suối',
	'đồi',
	'rừng',
	'chim',
	'bướm',
	'ong',
	'cá chép',
	'hoa đào',
	'lúa',
	'ngô',
	'khoai',
	'sách',
	'bút',
	'thước',
	'bảng',
	'trống',
	'sáo',
	'đàn tính',
	'diều',
	'bóng',
	'xe đạp'
].map((w) => w.normalize('NFC'));

export type SecretKind = 'pictures' | 'words';

/** Grades 1–5 sign in with pictures, 6–12 with words. */
export function secretKindForGrade(grade: number): SecretKind {
	return grade <= 5 ? 'pictures' : 'words';
}

/** Two distinct picks out of n, from a source of random integers in [0, n). */
function pickTwo(n: number, randomInt: (n: number) => number): [number, number] {
	const a = randomInt(n);
	let b = randomInt(n - 1);
	if (b >= a) b++;
	return [a, b];
}

function cryptoInt(n: number): number {
	const buf = new Uint32Array(1);
	crypto.getRandomValues(buf);
	return buf[0] % n;
}

/** A new secret: "2,7" (picture ids, sorted) or "mây|cây tre" (two words). */
export function generateSecret(
	kind: SecretKind,
	randomInt: (n: number) => number = cryptoInt
): string {
	if (kind === 'pictures') {
		const [a, b] = pickTwo(PICTURES.length, randomInt);
		return [a, b].sort((x, y) => x - y).join(',');
	}
	const [a, b] = pickTwo(WORDS.length, randomInt);
	return `${WORDS[a]}|${WORDS[b]}`;
}

export function picturesOf(secret: string): Picture[] {
	return secret
		.split(',')
		.map((id) => PICTURES[Number(id)])
		.filter(Boolean);
}

export function wordsOf(secret: string): string[] {
	return secret.split('|');
}
