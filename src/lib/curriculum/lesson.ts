// The shape of a lesson plan, shared by the server and the editor page (no server imports here).
import type { LessonForm, LessonProcess } from '$lib/server/db/types';

export type { LessonForm, LessonProcess };

export interface Material {
	name: string;
	/** As the teacher writes it: "2 cái/nhóm", "1 cuộn". */
	quantity: string;
	/** Estimated cost of this line for the class, in VND. */
	cost: number;
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
}

export interface Criterion {
	title: string;
	description: string;
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
	cost: 100_000_000
};

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

export function totalCost(materials: Material[]): number {
	return materials.reduce((s, m) => s + m.cost, 0);
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
}
