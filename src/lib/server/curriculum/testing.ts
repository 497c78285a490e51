// Fixtures for the curriculum's vitest suites.
import type { DB } from '../db';
import { emptyLesson, type LessonContent } from '$lib/curriculum/lesson';
import type { Viewer } from './lessons';

export function sampleLesson(over: Partial<LessonContent> = {}): LessonContent {
	const base = emptyLesson('engineering');
	return {
		...base,
		title: 'Máy sấy hoa hồi dùng năng lượng mặt trời',
		grades: [8],
		subjects: ['Vật lí', 'Công nghệ'],
		periods: 4,
		overview: 'Hoa hồi Lạng Sơn cần sấy khô nhanh.',
		aims: {
			knowledge: 'Nêu được sự truyền nhiệt bằng bức xạ.',
			competencies: 'Thiết kế và chế tạo mô hình.',
			qualities: 'Chăm chỉ, trách nhiệm.'
		},
		materials: [
			{ name: 'Thùng xốp', quantity: '1 cái/nhóm', cost: 60000, basis: 'group' },
			{ name: 'Màng bọc thực phẩm', quantity: '1 cuộn', cost: 25000, basis: 'class' }
		],
		activities: base.activities.map((a) => ({
			...a,
			aims: `Mục tiêu ${a.label}`,
			content: `Nội dung ${a.label}`,
			product: `Sản phẩm ${a.label}`,
			organisation: `Tổ chức ${a.label}`
		})),
		criteria: [
			{
				title: 'Nhiệt độ trong máy',
				description: 'Cao hơn ngoài trời ít nhất 10 °C.',
				levels: ['Dưới 5 °C', '5–9 °C', '10–14 °C', 'Từ 15 °C']
			},
			{ title: 'Chi phí', description: 'Không quá 150.000 đ.' }
		],
		groupSize: 5,
		safety: 'Dao rọc giấy: cắt hướng ra xa người.',
		worksheets: [
			{ number: 1, title: 'Vấn đề và tiêu chí', body: '| Tiêu chí | Cách kiểm tra |\n|---|---|' }
		],
		...over
	};
}

export async function makeSchoolAndUsers(db: DB) {
	const school = await db
		.insertInto('schools')
		.values({
			name: 'Trường THCS Đồng Đăng',
			commune: 'Xã Đồng Đăng',
			level: 'lower_secondary',
			pilot_since: '2024-09-05',
			created_at: 0
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const user = async (
		role: 'teacher' | 'department',
		username: string,
		schoolId: number | null
	): Promise<Viewer> => {
		const { id } = await db
			.insertInto('users')
			.values({
				role,
				username,
				full_name: username,
				school_id: schoolId,
				password_hash: null,
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		return { id, role, schoolId };
	};
	return {
		schoolId: school.id,
		hoa: await user('teacher', 'gv.hoa', school.id),
		duc: await user('teacher', 'gv.duc', school.id),
		sogd: await user('department', 'sogd', null)
	};
}
