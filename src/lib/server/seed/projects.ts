// Demo assignments and projects: an exercise set and a team project for gv.hoa's classes
// (THCS Đồng Đăng 6A1, 7A1), and finished, consented projects with photos drawn here (SVG → sharp),
// so /showcase is not empty on first start. Deterministic apart from the photo files' random names.
import { actorFor } from '../audit/log';
import sharp from 'sharp';
import type { DB, Conn } from '../db';
import { seededRandom } from './random';
import { today } from '../classes/pupils';
import { createAssignment } from '../assignments/assignments';
import { createRandomTeams, getTeam, listTeams } from '../projects/teams';
import { saveRubric, startRubric, maxPoints } from '../projects/rubrics';
import { addEntry, saveReflection, submit } from '../portfolios/portfolio';
import { processPhoto, storePhoto } from '../portfolios/photos';
import { returnReview } from '../projects/reviews';
import { propose, recordConsent, setFeatured } from '../projects/showcase';

const DAY = 24 * 3600_000;

async function findClass(db: Conn, school: string, cls: string) {
	return db
		.selectFrom('classes')
		.innerJoin('schools', 'schools.id', 'classes.school_id')
		.innerJoin('class_teachers', 'class_teachers.class_id', 'classes.id')
		.innerJoin('users', 'users.id', 'class_teachers.teacher_id')
		.select(['classes.id', 'classes.school_id', 'users.id as teacher_id', 'users.username'])
		.where('schools.name', '=', school)
		.where('classes.name', '=', cls)
		.orderBy('users.id')
		.executeTakeFirst();
}

/** A simple picture of a prototype: shapes only (no text, so no fonts are needed). */
function drawing(kind: number, hue: number): Buffer {
	const bg = `hsl(${hue},45%,88%)`;
	const ink = `hsl(${(hue + 180) % 360},50%,35%)`;
	const shapes = [
		// a drying box with trays and a fan
		`<rect x="180" y="120" width="440" height="360" rx="16" fill="#c89b6d" stroke="${ink}" stroke-width="8"/>
		 ${[0, 1, 2].map((i) => `<rect x="210" y="${170 + i * 100}" width="380" height="18" fill="${ink}"/>`).join('')}
		 <circle cx="400" cy="80" r="40" fill="#fff" stroke="${ink}" stroke-width="6"/>
		 ${[0, 1, 2].map((i) => `<circle cx="${260 + i * 140}" cy="${150 + i * 100}" r="14" fill="#8b4513"/>`).join('')}`,
		// a stilt house with a water line
		`<rect x="0" y="470" width="800" height="130" fill="#6fa8dc"/>
		 ${[220, 330, 470, 580].map((x) => `<rect x="${x}" y="330" width="16" height="220" fill="#7a5230"/>`).join('')}
		 <rect x="190" y="230" width="420" height="110" fill="#b5835a" stroke="${ink}" stroke-width="6"/>
		 <polygon points="160,240 400,90 640,240" fill="#8d5b3a" stroke="${ink}" stroke-width="6"/>`,
		// seedlings in cups, measured
		`${[0, 1, 2, 3]
			.map(
				(
					i
				) => `<rect x="${120 + i * 150}" y="380" width="90" height="110" fill="#fff" stroke="${ink}" stroke-width="5"/>
		 <rect x="${162 + i * 150}" y="${300 - i * 50}" width="6" height="${80 + i * 50}" fill="#2e7d32"/>
		 <ellipse cx="${150 + i * 150}" cy="${300 - i * 50}" rx="26" ry="12" fill="#43a047"/>
		 <ellipse cx="${182 + i * 150}" cy="${290 - i * 50}" rx="26" ry="12" fill="#66bb6a"/>`
			)
			.join('')}
		 <line x1="80" y1="500" x2="740" y2="500" stroke="${ink}" stroke-width="6"/>`
	][kind % 3];
	return Buffer.from(
		`<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="${bg}"/>${shapes}</svg>`
	);
}

async function addPhoto(
	db: Conn,
	teamId: number,
	stepKey: string,
	authorId: number,
	kind: number,
	hue: number,
	caption: string,
	now: number
) {
	const jpeg = await sharp(drawing(kind, hue)).jpeg({ quality: 82 }).toBuffer();
	const r = await processPhoto('anh.jpg', jpeg);
	if (r.ok)
		await storePhoto(
			db,
			{ teamId, stepKey, authorId, clientKey: null, caption, photo: r.photo },
			now
		);
}

interface DemoProject {
	school: string;
	cls: string;
	title: string;
	process: 'engineering' | 'inquiry';
	instructions: string;
	drawing: number;
	teamsShown: number;
	featured: boolean;
	entries: string[];
	captions: string[];
}

const PROJECTS: DemoProject[] = [
	{
		school: 'Trường THCS Đồng Đăng',
		cls: '7A1',
		title: 'Máy sấy hoa hồi mini',
		process: 'engineering',
		instructions:
			'Thiết kế một máy sấy hoa hồi nhỏ từ thùng các-tông và quạt cũ, sấy khô đều trong 2 ngày mưa.',
		drawing: 0,
		teamsShown: 2,
		featured: true,
		entries: [
			'Khi trời mưa nhiều ngày, **hoa hồi phơi nắng bị mốc**. Tiêu chí: sấy khô đều 1 kg hồi trong 48 giờ, chi phí dưới 150 000 đồng.',
			'Tìm hiểu: nhiệt độ sấy hồi tốt nhất khoảng 50–60 °C; không khí nóng cần được lưu thông.',
			'Ba phương án: sấy bằng bóng đèn, bằng bếp than, bằng năng lượng mặt trời. Nhóm chọn **bóng đèn + quạt** vì an toàn.',
			'| Lần thử | Nhiệt độ (°C) | Độ khô sau 24 giờ |\n|---|---|---|\n| 1 | 42 | ẩm |\n| 2 | 55 | gần khô |\n| 3 | 57 | khô đều |',
			'Sau góp ý của lớp, nhóm khoan thêm lỗ thoát hơi ở nắp thùng.'
		],
		captions: ['Bản vẽ thùng sấy', 'Mẫu thử lần 3']
	},
	{
		school: 'Trường Tiểu học Chi Lăng',
		cls: '4A',
		title: 'Cây đậu cần gì để lớn?',
		process: 'inquiry',
		instructions: 'Gieo hạt đậu trong 4 cốc, thay đổi ánh sáng và nước, đo chiều cao cây mỗi ngày.',
		drawing: 2,
		teamsShown: 1,
		featured: false,
		entries: [
			'Câu hỏi: cây đậu có cần ánh sáng để lớn không?',
			'Giả thuyết: cây để trong tối sẽ mọc chậm hơn.',
			'Kế hoạch: 4 cốc, 2 cốc để cạnh cửa sổ, 2 cốc để trong hộp kín; tưới 20 ml mỗi ngày.',
			'| Ngày | Cốc sáng (cm) | Cốc tối (cm) |\n|---|---|---|\n| 3 | 2 | 3 |\n| 7 | 6 | 9 |',
			'Cây trong tối cao hơn nhưng vàng và yếu. Cây cần ánh sáng để khoẻ.'
		],
		captions: ['Bốn cốc đậu ngày thứ 7']
	}
];

export async function seedProjects(db: DB, now = Date.now()): Promise<void> {
	const rng = seededRandom(5005);
	const dateOf = (days: number) => today(now + days * DAY);
	await db.transaction().execute(async (tx) => {
		const c6 = await findClass(tx, 'Trường THCS Đồng Đăng', '6A1');
		if (!c6) return;
		const hoa = await tx
			.selectFrom('users')
			.select(['id', 'school_id'])
			.where('username', '=', 'gv.hoa')
			.executeTakeFirstOrThrow();
		const teacher = { id: hoa.id, schoolId: hoa.school_id! };

		// A few shared exercises for the demo exercise set, when the exercises domain has seeded none.
		let exerciseIds = (
			await tx
				.selectFrom('exercises')
				.select('id')
				.where('status', '=', 'published')
				.where('grade', '=', 6)
				.orderBy('id')
				.limit(3)
				.execute()
		).map((e) => e.id);
		if (exerciseIds.length < 2) {
			exerciseIds = [];
			for (const [title, concept] of [
				['Đèn giao thông ở cửa khẩu', 'sequence'],
				['Tưới đồi chè', 'loops'],
				['Báo lũ sông Kỳ Cùng', 'conditions']
			] as const)
				exerciseIds.push(
					(
						await tx
							.insertInto('exercises')
							.values({
								title,
								kind: 'io',
								grade: 6,
								concept,
								status: 'published',
								author_id: null,
								school_id: null,
								created_at: now,
								updated_at: now
							})
							.returning('id')
							.executeTakeFirstOrThrow()
					).id
				);
		}
		await createAssignment(
			tx,
			teacher,
			{
				kind: 'exercises',
				title: 'Bộ bài lập trình: tuần này',
				instructions: 'Làm lần lượt từng bài; dùng gợi ý nếu cần.',
				opensOn: dateOf(-3),
				dueOn: dateOf(7),
				classIds: [c6.id],
				pupilIds: [],
				exerciseIds,
				lessonId: null,
				process: '',
				rubricId: null
			},
			now
		);

		const starter = { title: 'Thang đo dự án STEM (mẫu)', criteria: startRubric([]) };
		const rubricId = await saveRubric(tx, teacher, null, starter, now);

		// An open project for 6A1 with random teams, nothing done yet.
		const open = await createAssignment(
			tx,
			teacher,
			{
				kind: 'project',
				title: 'Nhà sàn chống lũ',
				instructions: 'Làm mô hình nhà sàn chịu được nước dâng 10 cm.',
				opensOn: dateOf(-1),
				dueOn: dateOf(14),
				classIds: [c6.id],
				pupilIds: [],
				exerciseIds: [],
				lessonId: null,
				process: 'engineering',
				rubricId
			},
			now
		);
		if (open.ok) await createRandomTeams(tx, open.id, 4, rng, now);

		for (const [pi, p] of PROJECTS.entries()) {
			const cls = await findClass(tx, p.school, p.cls);
			if (!cls) continue;
			const t = { id: cls.teacher_id, schoolId: cls.school_id };
			const rid =
				p.school === 'Trường THCS Đồng Đăng'
					? rubricId
					: await saveRubric(tx, t, null, starter, now);
			const a = await createAssignment(
				tx,
				t,
				{
					kind: 'project',
					title: p.title,
					instructions: p.instructions,
					opensOn: dateOf(-40),
					dueOn: dateOf(-5),
					classIds: [cls.id],
					pupilIds: [],
					exerciseIds: [],
					lessonId: null,
					process: p.process,
					rubricId: rid
				},
				now - 40 * DAY
			);
			if (!a.ok) continue;
			await createRandomTeams(tx, a.id, 4, rng, now - 39 * DAY);
			const teams = (await listTeams(tx, a.id)).slice(0, p.teamsShown);
			const steps = await tx
				.selectFrom('project_steps')
				.select(['key'])
				.where('assignment_id', '=', a.id)
				.orderBy('position')
				.execute();
			const criteria = startRubric([]);
			for (const [ti, team] of teams.entries()) {
				const when = now - (30 - ti) * DAY;
				for (const [si, s] of steps.entries()) {
					const author = team.members[si % team.members.length];
					await addEntry(tx, team, s.key, author.id, p.entries[si], when + si * DAY);
					for (const mem of team.members.slice(0, 2))
						await saveReflection(
							tx,
							team,
							s.key,
							mem.id,
							'Em học được cách làm việc nhóm và đo đạc cẩn thận.',
							when + si * DAY
						);
				}
				for (const [ci, caption] of p.captions.entries())
					await addPhoto(
						tx,
						team.id,
						steps[Math.min(steps.length - 1, 2 + ci)].key,
						team.members[ci % team.members.length].id,
						p.drawing + ci,
						(pi * 90 + ti * 40 + ci * 25) % 360,
						caption,
						when + 3 * DAY
					);
				await submit(tx, team, null, team.members[0].id, when + 6 * DAY);
				const scores = criteria.map((c) => maxPoints(c) - rng.int(2));
				await returnReview(
					tx,
					actorFor(t.id),
					{
						teamId: team.id,
						criteria,
						scoring: { team: scores, adjustments: new Map() },
						feedback: 'Sản phẩm tốt, số liệu rõ ràng. Lần sau hãy so sánh chi phí các phương án.'
					},
					when + 8 * DAY
				);
				await propose(tx, team.id, actorFor(t.id), when + 9 * DAY);
				const full = (await getTeam(tx, team.id))!;
				for (const mem of full.members)
					await recordConsent(
						tx,
						full,
						mem.id,
						{ parent: true, pupil: true },
						actorFor(t.id),
						when + 10 * DAY
					);
				if (p.featured && ti === 0) {
					const sogd = await tx
						.selectFrom('users')
						.select('id')
						.where('username', '=', 'sogd')
						.executeTakeFirst();
					if (sogd)
						await setFeatured(tx, team.id, true, actorFor(sogd.id, 'department'), when + 11 * DAY);
				}
			}
		}
	});
}
