import type { Conn } from '../db';
import type { LessonProcess } from '../db/types';
import { getLessonOutline, type LessonViewer } from '../curriculum';

export interface LessonOutline {
	id: number;
	title: string;
	process: LessonProcess;
	steps: { key: string; label: string }[];
	criteria: { title: string; description: string }[];
}

// The five activities of a STEM lesson (letter 3089/BGDĐT-GDTrH) and the inquiry steps (909/BGDĐT-GDTH).
// Labels are data: a project copies them when it is created, so they can change later without harm.
export const PROCESS_STEPS: Record<LessonProcess, { key: string; label: string }[]> = {
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
		{ key: 'experiment', label: 'Thực hiện thí nghiệm, quan sát' },
		{ key: 'conclusion', label: 'Kết luận và chia sẻ' }
	]
};

/**
 * The one place that reads a lesson's steps and assessment criteria: the curriculum's outline of
 * the lesson plan the viewer may see. A lesson row without a written plan gets the standard steps.
 */
export async function lessonOutline(db: Conn, lessonId: number, viewer?: LessonViewer): Promise<LessonOutline | undefined> {
	const row = await db
		.selectFrom('lessons')
		.select(['id', 'title', 'process', 'current_version_id'])
		.where('id', '=', lessonId)
		.executeTakeFirst();
	if (!row) return undefined;
	if (row.current_version_id !== null) return getLessonOutline(db, lessonId, viewer);
	return { id: row.id, title: row.title, process: row.process, steps: PROCESS_STEPS[row.process].map((s) => ({ ...s })), criteria: [] };
}
