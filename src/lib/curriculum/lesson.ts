// The shape of a lesson plan, shared by the server and the editor page (no server imports here).
import type { LessonForm, LessonProcess } from '$lib/server/db/types';

export type { LessonForm, LessonProcess };

/** What a material's cost is counted per: each group's kit, the whole class once, or each pupil. */
export type CostBasis = 'group' | 'class' | 'pupil';
export const COST_BASES: CostBasis[] = ['group', 'class', 'pupil'];

export interface Material {
	name: string;
	/** As the teacher writes it: "2 cái/nhóm", "1 cuộn". */
	quantity: string;
	/** Estimated cost in VND of one unit of the basis: one group's share, the class's, or one pupil's. */
	cost: number;
	/** Lessons saved before budgets had a basis counted every cost once for the class. */
	basis?: CostBasis;
}

export interface Activity {
	/** Stable key of the step (problem, research, ...); the label is editable data. */
	key: string;
	label: string;
	/** a) Mục tiêu, b) Nội dung, c) Sản phẩm, d) Tổ chức thực hiện: Markdown. */
	aims: string;
	content: string;
	product: string;
	organisation: string;
	/** The periods (tiết) this activity is taught in, e.g. [1] or [2, 3]; spread evenly when absent. */
	periods?: number[];
}

export interface Criterion {
	title: string;
	description: string;
	/**
	 * What the work looks like at each level, lowest first: three levels in primary (Thông tư 27:
	 * Chưa hoàn thành, Hoàn thành, Hoàn thành tốt), four in secondary (Chưa đạt, Đạt, Khá, Tốt).
	 */
	levels?: string[];
}

/** A phiếu học tập the lesson names: printable on A4. */
export interface Worksheet {
	/** "Phiếu học tập số 2" has number 2; a named one ("Phiếu đánh giá chéo") has none. */
	number: number | null;
	title: string;
	/** Markdown: questions, tables to fill, space to draw. */
	body: string;
}

export interface LessonContent {
	title: string;
	grades: number[];
	subjects: string[];
	form: LessonForm;
	process: LessonProcess;
	periods: number;
	/** Markdown: the topic and why it matters here. */
	overview: string;
	aims: { knowledge: string; competencies: string; qualities: string };
	materials: Material[];
	activities: Activity[];
	criteria: Criterion[];
	/** Pupils in a group, for the costs counted per pupil (5 when absent). */
	groupSize?: number;
	/** Markdown: the safety rules of a lesson with tools, heat, water or electricity. */
	safety?: string;
	worksheets?: Worksheet[];
}

export const FORMS: LessonForm[] = ['lesson', 'experience', 'research'];
export const PROCESSES: LessonProcess[] = ['engineering', 'inquiry'];
export const ACTIVITY_PARTS = ['aims', 'content', 'product', 'organisation'] as const;
export type ActivityPart = (typeof ACTIVITY_PARTS)[number];

/** The subjects offered in the editor; teachers may type others. */
export const SUBJECTS = [
	'Toán',
	'Khoa học',
	'Tự nhiên và Xã hội',
	'Vật lí',
	'Hoá học',
	'Sinh học',
	'Khoa học tự nhiên',
	'Công nghệ',
	'Tin học',
	'Địa lí',
	'Mĩ thuật'
];

/**
 * The default steps of each process (Ministry letters 3089/2020 and 909/2023). Labels are data:
 * a teacher may reword them in the editor, and the key keeps its meaning.
 */
export const DEFAULT_STEPS: Record<LessonProcess, { key: string; label: string }[]> = {
	engineering: [
		{ key: 'problem', label: 'Xác định vấn đề' },
		{ key: 'research', label: 'Nghiên cứu kiến thức nền' },
		{ key: 'solution', label: 'Đề xuất, lựa chọn giải pháp' },
		{ key: 'prototype', label: 'Chế tạo mẫu, thử nghiệm và đánh giá' },
		{ key: 'share', label: 'Chia sẻ, thảo luận, điều chỉnh' }
	],
	inquiry: [
		{ key: 'question', label: 'Đặt câu hỏi' },
		{ key: 'hypothesis', label: 'Đưa ra giả thuyết' },
		{ key: 'plan', label: 'Lập kế hoạch tìm hiểu' },
		{ key: 'experiment', label: 'Thí nghiệm, quan sát' },
		{ key: 'conclusion', label: 'Kết luận và chia sẻ' }
	]
};

export const LIMITS = {
	title: 200,
	short: 300,
	long: 20_000,
	subjects: 12,
	materials: 60,
	criteria: 20,
	activities: 10,
	worksheets: 12,
	cost: 100_000_000
};

export const DEFAULT_GROUPS = 8;
export const DEFAULT_GROUP_SIZE = 5;

export const LEVELS_PRIMARY = ['Chưa hoàn thành', 'Hoàn thành', 'Hoàn thành tốt'];
export const LEVELS_SECONDARY = ['Chưa đạt', 'Đạt', 'Khá', 'Tốt'];

/** The assessment levels of a lesson's grades: Thông tư 27's three in primary, four from grade 6. */
export function levelNames(grades: number[]): string[] {
	return grades.length > 0 && grades.every((g) => g <= 5) ? LEVELS_PRIMARY : LEVELS_SECONDARY;
}

export function emptyLesson(process: LessonProcess = 'engineering'): LessonContent {
	return {
		title: '',
		grades: [],
		subjects: [],
		form: 'lesson',
		process,
		periods: 2,
		overview: '',
		aims: { knowledge: '', competencies: '', qualities: '' },
		materials: [],
		activities: DEFAULT_STEPS[process].map((s) => ({
			...s,
			aims: '',
			content: '',
			product: '',
			organisation: ''
		})),
		criteria: []
	};
}

export interface Budget {
	groups: number;
	groupSize: number;
	/** One group's kit: its per-group lines plus its pupils' per-pupil lines. */
	perGroup: number;
	/** The lines bought once for the whole class. */
	shared: number;
	/** The class of `groups` groups: perGroup × groups + shared. */
	total: number;
}

/** A material's cost for a class of `groups` groups of `groupSize` pupils. */
export function lineCost(m: Material, groups: number, groupSize = DEFAULT_GROUP_SIZE): number {
	const basis = m.basis ?? 'class';
	return basis === 'class'
		? m.cost
		: basis === 'group'
			? m.cost * groups
			: m.cost * groups * groupSize;
}

/** A class's budget; a lesson saved without bases counts each cost once (what it meant then). */
export function budget(
	materials: Material[],
	groups = DEFAULT_GROUPS,
	groupSize = DEFAULT_GROUP_SIZE
): Budget {
	let perGroup = 0;
	let shared = 0;
	for (const m of materials) {
		const basis = m.basis ?? 'class';
		if (basis === 'class') shared += m.cost;
		else perGroup += basis === 'group' ? m.cost : m.cost * groupSize;
	}
	return { groups, groupSize, perGroup, shared, total: perGroup * groups + shared };
}

/** The whole class's cost at the default 8 groups. */
export function totalCost(materials: Material[], groups = DEFAULT_GROUPS): number {
	return budget(materials, groups).total;
}

/** Groups a teacher may choose for the budget: a whole number from 1 to 20, else the default. */
export function groupsParam(v: string | null | undefined): number {
	const n = Number(v);
	return Number.isInteger(n) && n >= 1 && n <= 20 ? n : DEFAULT_GROUPS;
}

/** Each activity's periods: as written, else spread evenly over the lesson's periods. */
export function activityPeriods(c: Pick<LessonContent, 'activities' | 'periods'>): number[][] {
	const n = c.activities.length;
	return c.activities.map((a, i) =>
		a.periods?.length ? a.periods : [Math.min(c.periods, Math.floor((i * c.periods) / n) + 1)]
	);
}

/** "Tiết 1: Hoạt động 1–2" lines: for each period, the activities taught in it. */
export function periodPlan(
	c: Pick<LessonContent, 'activities' | 'periods'>
): { period: number; activities: number[] }[] {
	const per = activityPeriods(c);
	const out: { period: number; activities: number[] }[] = [];
	for (let p = 1; p <= c.periods; p++) {
		const acts = per.flatMap((ps, i) => (ps.includes(p) ? [i + 1] : []));
		if (acts.length) out.push({ period: p, activities: acts });
	}
	return out;
}

/** [1, 2, 3] → "1–3", [1, 3] → "1, 3". */
export function numberRange(ns: number[]): string {
	const contiguous = ns.every((n, i) => i === 0 || n === ns[i - 1] + 1);
	return ns.length > 1 && contiguous ? `${ns[0]}–${ns[ns.length - 1]}` : ns.join(', ');
}

const NUMBERED = /phiếu\s+(?:học\s+tập\s+)?số\s+(\d+)/giu;
const NAMED =
	/phiếu\s+(đánh giá chéo|tự đánh giá|dự đoán|bình chọn|ghi kết quả|quan sát|khảo sát|phỏng vấn|theo dõi)/giu;

/** The worksheets a lesson's text names: numbers ("Phiếu học tập số 2") and names ("phiếu tự đánh giá"). */
export function worksheetReferences(c: Pick<LessonContent, 'activities'>): {
	numbers: number[];
	names: string[];
} {
	const text = c.activities
		.map((a) => [a.aims, a.content, a.product, a.organisation].join('\n'))
		.join('\n')
		.normalize('NFC');
	const numbers = [...new Set([...text.matchAll(NUMBERED)].map((m) => Number(m[1])))];
	const names = [...new Set([...text.matchAll(NAMED)].map((m) => m[1].toLowerCase()))];
	return { numbers: numbers.sort((a, b) => a - b), names };
}

/** The references with no worksheet written: what a complete lesson must not have. */
export function missingWorksheets(c: Pick<LessonContent, 'activities' | 'worksheets'>): string[] {
	const ws = c.worksheets ?? [];
	const refs = worksheetReferences(c);
	return [
		...refs.numbers.filter((n) => !ws.some((w) => w.number === n)).map((n) => `số ${n}`),
		...refs.names.filter((n) => !ws.some((w) => w.title.toLowerCase().includes(n)))
	];
}

const HAZARDS =
	/(?<!\p{L})(dao|kéo|cưa|khoan|búa|đinh|kim|súng keo|keo nến|mỏ hàn|nhiệt|nóng|đun|lửa|nến|bật lửa|nước|điện|pin|ắc quy|động cơ|bóng đèn|LED)(?!\p{L})/iu;

/** Whether a lesson uses tools, heat, water or electricity (then it needs a safety box). */
export function needsSafety(c: Pick<LessonContent, 'materials' | 'activities'>): boolean {
	const text = [
		...c.materials.map((m) => m.name),
		...c.activities.flatMap((a) => [a.content, a.organisation])
	]
		.join('\n')
		.normalize('NFC');
	return HAZARDS.test(text);
}

/** 125000 → "125.000 đ", as Vietnamese prices are written. */
export function formatVnd(n: number): string {
	return `${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

/** A validation problem: the field's path (e.g. "activities.2.content") and a code. */
export interface LessonFieldError {
	field: string;
	code: 'required' | 'too_long' | 'invalid' | 'too_many' | 'yaml' | 'front_matter';
	/** A line number or the offending value, where it helps. */
	detail?: string;
}

/** The long fields as safe HTML, rendered on the server. */
export interface RenderedLesson {
	overview: string;
	aims: { knowledge: string; competencies: string; qualities: string };
	activities: { aims: string; content: string; product: string; organisation: string }[];
	criteria: string[];
	safety: string;
	worksheets: string[];
}
