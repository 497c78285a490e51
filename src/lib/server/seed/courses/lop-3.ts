// Course 1, grade 3: the robot on the tea hills and the turtle; sequence, loops, events, debugging.
import * as b from '../../exercises/build';
import type { SeedExercise } from '../exercises';
import { hints, maze, mazeFromRoute, polygon, routeBlocks, routeProgram } from './make';
import { EVENTS_3 } from './events-3';
import type { SeedCourse } from './types';

const G = 3;

/** A maze puzzle walked step by step. The wrong answer stops one step short. */
function mazeSeq(title: string, route: string, task: string, h: string[]): SeedExercise {
	const short = route.slice(0, route.lastIndexOf('F'));
	return {
		title,
		kind: 'maze',
		grade: G,
		concept: 'sequence',
		categories: ['maze'],
		task,
		reference: routeProgram(route),
		wrong: [routeProgram(short || 'R')],
		hints: h,
		world: maze(0, mazeFromRoute(route))
	};
}

/** A maze of a repeated piece: the reference repeats it, the wrong answer repeats it once too few. */
export function mazeLoop(
	title: string,
	unit: string,
	times: number,
	task: string,
	h: string[],
	grade = G
): SeedExercise {
	return {
		title,
		kind: 'maze',
		grade,
		concept: 'loops',
		categories: ['maze', 'loops'],
		task,
		reference: b.ws(b.repeat(times, ...routeBlocks(unit))),
		wrong: [b.ws(b.repeat(times - 1, ...routeBlocks(unit)))],
		hints: h,
		world: maze(0, mazeFromRoute(unit.repeat(times)))
	};
}

function turtle(
	title: string,
	concept: SeedExercise['concept'],
	task: string,
	reference: ReturnType<typeof b.ws>,
	wrong: ReturnType<typeof b.ws>[],
	h: string[],
	extra: Partial<SeedExercise> = {}
): SeedExercise {
	const categories = concept === 'sequence' ? ['turtle'] : ['turtle', 'loops'];
	return {
		title,
		kind: 'turtle',
		grade: G,
		concept,
		categories,
		task,
		reference,
		wrong,
		hints: h,
		...extra
	};
}

const sequence: SeedExercise[] = [
	mazeSeq(
		'Bước đầu tiên',
		'FF',
		'Rô-bốt hái chè đứng ở đầu lối. Kéo khối lệnh **rô-bốt đi tới** để đưa rô-bốt tới **lá cờ**.',
		hints(
			'Lá cờ ở ngay phía trước rô-bốt, cách 2 ô.',
			'Mỗi khối lệnh «rô-bốt đi tới» đi được 1 ô.',
			'Dùng 2 khối lệnh «rô-bốt đi tới» nối nhau.'
		)
	),
	mazeSeq(
		'Đi xa hơn',
		'FFFF',
		'Lối mòn dài hơn. Đếm số ô rồi đưa rô-bốt tới lá cờ.',
		hints(
			'Đếm từng ô tới lá cờ.',
			'Có 4 ô, mỗi khối lệnh đi 1 ô.',
			'Nối 4 khối lệnh «rô-bốt đi tới».'
		)
	),
	mazeSeq(
		'Rẽ phải ở gốc chè',
		'FFRFF',
		'Lối mòn rẽ ở gốc chè. Rô-bốt cần **quay phải** rồi đi tiếp.',
		hints(
			'Rô-bốt phải quay mặt về phía lối mòn trước khi đi tiếp.',
			'Đi tới góc, quay phải, rồi đi tiếp.',
			'Đi tới, đi tới, quay phải, đi tới, đi tới.'
		)
	),
	mazeSeq(
		'Rẽ trái lên đồi',
		'FRFLFF',
		'Lần này lối mòn rẽ hai lần. Nhìn kĩ xem rô-bốt phải quay về phía nào.',
		hints(
			'Có một lần quay phải và một lần quay trái.',
			'Đi từng đoạn: đi tới, quay, đi tới, quay, đi tới.',
			'Đi tới, quay phải, đi tới, quay trái, đi tới, đi tới.'
		)
	),
	mazeSeq(
		'Vòng qua bụi chè',
		'FFLFFRFFRFF',
		'Bụi chè chắn giữa đường: đưa rô-bốt **vòng qua** để tới lá cờ.',
		hints(
			'Lối mòn rẽ ba lần.',
			'Chia đường thành từng đoạn thẳng; sau mỗi đoạn là một lần quay.',
			'Đi tới 2, quay trái, đi tới 2, quay phải, đi tới 2, quay phải, đi tới 2.'
		)
	),
	mazeSeq(
		'Đường về bản',
		'FRFFLFFLFRF',
		'Đường về bản quanh co. Lập trình **từng bước** để rô-bốt về tới nhà.',
		hints(
			'Đặt ngón tay lên rô-bốt và đi theo lối mòn trên màn hình.',
			'Mỗi lần lối mòn đổi hướng, thêm một khối lệnh «rô-bốt quay».',
			'Đi tới, quay phải, đi tới 2, quay trái, đi tới 2, quay trái, đi tới, quay phải, đi tới.'
		)
	)
];

const drawing: SeedExercise[] = [
	turtle(
		'Rùa kẻ đường thẳng',
		'sequence',
		'Giúp rùa kẻ một **đường thẳng** dài 100 bước.',
		b.ws(b.forward(100)),
		[b.ws(b.forward(50))],
		hints('Rùa cần tiến về phía trước.', 'Khối lệnh «rùa tiến» có ô số bước.', 'Rùa tiến 100 bước.')
	),
	turtle(
		'Góc vuông',
		'sequence',
		'Vẽ một **góc vuông**: tiến 100 bước, quay phải 90 độ, tiến thêm 100 bước.',
		b.ws(b.seq(b.forward(100), b.turn('RIGHT', 90), b.forward(100))!),
		[b.ws(b.seq(b.forward(100), b.turn('LEFT', 90), b.forward(100))!)],
		hints('Góc vuông là 90 độ.', 'Tiến, quay, tiến.', 'Rùa tiến 100, quay phải 90, tiến 100.')
	),
	turtle(
		'Mái nhà sàn',
		'sequence',
		'Vẽ **mái nhà sàn** hình chữ V ngược: tiến 80 bước, quay phải 120 độ, tiến 80 bước.',
		b.ws(b.seq(b.turn('LEFT', 60), b.forward(80), b.turn('RIGHT', 120), b.forward(80))!),
		[b.ws(b.seq(b.turn('LEFT', 60), b.forward(80), b.turn('RIGHT', 90), b.forward(80))!)],
		hints(
			'Mái nhà có hai cạnh dốc bằng nhau.',
			'Quay trái 60 độ để rùa hướng lên, rồi vẽ hai cạnh.',
			'Quay trái 60, tiến 80, quay phải 120, tiến 80.'
		)
	),
	turtle(
		'Bánh chưng vuông',
		'sequence',
		'Vẽ chiếc **bánh chưng vuông** cạnh 80 bước: bốn cạnh, bốn góc vuông.',
		b.ws(b.seq(...[1, 2, 3, 4].flatMap(() => [b.forward(80), b.turn('RIGHT', 90)]))!),
		[b.ws(b.seq(...[1, 2, 3].flatMap(() => [b.forward(80), b.turn('RIGHT', 90)]))!)],
		hints(
			'Hình vuông có 4 cạnh bằng nhau.',
			'Mỗi cạnh: tiến 80 rồi quay phải 90.',
			'Làm 4 lần: rùa tiến 80, quay phải 90.'
		)
	),
	turtle(
		'Lá cờ trên đỉnh Mẫu Sơn',
		'sequence',
		'Vẽ **cột cờ** cao 100 bước rồi **lá cờ** tam giác cạnh 50 ở đỉnh cột.',
		b.ws(
			b.seq(
				b.turn('LEFT', 90),
				b.forward(100),
				b.turn('RIGHT', 90),
				b.forward(50),
				b.turn('RIGHT', 120),
				b.forward(50),
				b.turn('RIGHT', 120),
				b.forward(50)
			)!
		),
		[b.ws(b.seq(b.turn('LEFT', 90), b.forward(100), b.turn('RIGHT', 90), b.forward(50))!)],
		hints(
			'Vẽ cột trước, lá cờ sau.',
			'Tam giác đều: mỗi góc quay 120 độ.',
			'Quay trái 90, tiến 100, quay phải 90, rồi 3 lần: tiến 50, quay phải 120 (lần cuối chỉ tiến).'
		)
	)
];

const loops: SeedExercise[] = [
	mazeLoop(
		'Lặp lại cho nhanh',
		'F',
		6,
		'Lối mòn thẳng dài 6 ô. Dùng khối lệnh **lặp lại** thay cho 6 khối lệnh «đi tới».',
		hints(
			'Em phải làm cùng một việc nhiều lần.',
			'Khối lệnh «lặp lại» làm các khối lệnh bên trong nhiều lần.',
			'Lặp lại 6 lần: rô-bốt đi tới.'
		)
	),
	mazeLoop(
		'Bậc thang đồi chè',
		'FLFR',
		3,
		'Đồi chè có 3 bậc thang giống nhau. Tìm **một bậc** rồi lặp lại nó.',
		hints(
			'Một bậc gồm mấy khối lệnh?',
			'Một bậc: đi tới, quay trái, đi tới, quay phải.',
			'Lặp lại 3 lần: đi tới, quay trái, đi tới, quay phải.'
		)
	),
	mazeLoop(
		'Bậc thang dài',
		'FFLFFR',
		3,
		'Bậc thang này mỗi bậc dài 2 ô. Dùng **vòng lặp**.',
		hints(
			'Mỗi bậc đi 2 ô rồi mới quay.',
			'Một bậc: đi tới 2 lần, quay trái, đi tới 2 lần, quay phải.',
			'Lặp lại 3 lần: đi tới, đi tới, quay trái, đi tới, đi tới, quay phải.'
		)
	),
	mazeLoop(
		'Xuống dốc',
		'FRFL',
		4,
		'Rô-bốt đi xuống dốc chè theo từng bậc. Lặp lại **4 bậc**.',
		hints(
			'Lần này rô-bốt quay phải trước.',
			'Một bậc: đi tới, quay phải, đi tới, quay trái.',
			'Lặp lại 4 lần: đi tới, quay phải, đi tới, quay trái.'
		)
	),
	turtle(
		'Bánh chưng bằng vòng lặp',
		'loops',
		'Vẽ bánh chưng vuông cạnh 80 nhưng chỉ dùng **một vòng lặp** và 2 khối lệnh bên trong.',
		b.ws(polygon(4, 80)),
		[b.ws(polygon(3, 80))],
		hints(
			'Bốn cạnh giống hệt nhau.',
			'Bên trong vòng lặp: một cạnh và một góc.',
			'Lặp lại 4 lần: rùa tiến 80, quay phải 90.'
		)
	),
	turtle(
		'Tam giác nón lá',
		'loops',
		'Vẽ **tam giác đều** cạnh 100 (hình chiếc nón lá) bằng vòng lặp.',
		b.ws(polygon(3, 100)),
		[b.ws(b.repeat(3, b.forward(100), b.turn('RIGHT', 60)))],
		hints(
			'Tam giác có 3 cạnh.',
			'Rùa quay tổng cộng 360 độ khi vẽ xong một hình kín.',
			'Lặp lại 3 lần: tiến 100, quay phải 120.'
		)
	),
	turtle(
		'Lục giác tổ ong',
		'loops',
		'Vẽ **lục giác** (6 cạnh) cạnh 60 như ô tổ ong.',
		b.ws(polygon(6, 60)),
		[b.ws(b.repeat(6, b.forward(60), b.turn('RIGHT', 90)))],
		hints('Lục giác có 6 cạnh bằng nhau.', '360 ÷ 6 = ?', 'Lặp lại 6 lần: tiến 60, quay phải 60.')
	)
];

/** A broken program the pupil starts from; the fix passes and the broken one fails. */
function fix(e: Omit<SeedExercise, 'start' | 'wrong'> & { broken: SeedExercise['reference'] }) {
	const { broken, ...rest } = e;
	return { ...rest, start: broken, wrong: [broken] } as SeedExercise;
}

const debugging: SeedExercise[] = [
	fix({
		title: 'Sửa lỗi: thiếu một bước',
		kind: 'maze',
		grade: G,
		concept: 'sequence',
		categories: ['maze'],
		task: '**Sửa lỗi**: chương trình này đưa rô-bốt gần tới cờ nhưng còn thiếu. Tìm chỗ sai và sửa.',
		broken: routeProgram('FFRF'),
		reference: routeProgram('FFRFF'),
		hints: hints(
			'Bấm Chạy và xem rô-bốt dừng ở đâu.',
			'Rô-bốt dừng trước cờ 1 ô.',
			'Thêm một khối lệnh «rô-bốt đi tới» ở cuối.'
		),
		world: maze(0, mazeFromRoute('FFRFF'))
	}),
	fix({
		title: 'Sửa lỗi: quay nhầm phía',
		kind: 'maze',
		grade: G,
		concept: 'sequence',
		categories: ['maze'],
		task: '**Sửa lỗi**: rô-bốt đâm vào bụi chè. Có một khối lệnh quay nhầm phía.',
		broken: routeProgram('FRFRF'),
		reference: routeProgram('FRFLF'),
		hints: hints(
			'Chạy từng bước và xem rô-bốt quay sai ở đâu.',
			'Lần quay thứ hai phải là quay trái.',
			'Đổi khối lệnh «quay phải» thứ hai thành «quay trái».'
		),
		world: maze(0, mazeFromRoute('FRFLF'))
	}),
	fix({
		title: 'Sửa lỗi: lặp thiếu',
		kind: 'maze',
		grade: G,
		concept: 'loops',
		categories: ['maze', 'loops'],
		task: '**Sửa lỗi**: vòng lặp chưa đưa rô-bốt lên tới đỉnh đồi.',
		broken: b.ws(b.repeat(2, ...routeBlocks('FLFR'))),
		reference: b.ws(b.repeat(4, ...routeBlocks('FLFR'))),
		hints: hints(
			'Đếm số bậc thang trên màn hình.',
			'Số lần lặp phải bằng số bậc.',
			'Đổi số lần lặp từ 2 thành 4.'
		),
		world: maze(0, mazeFromRoute('FLFR'.repeat(4)))
	}),
	fix({
		title: 'Sửa lỗi: hình vuông méo',
		kind: 'turtle',
		grade: G,
		concept: 'loops',
		categories: ['turtle', 'loops'],
		task: '**Sửa lỗi**: rùa muốn vẽ hình vuông cạnh 80 nhưng hình bị méo.',
		broken: b.ws(b.repeat(4, b.forward(80), b.turn('RIGHT', 60))),
		reference: b.ws(polygon(4, 80)),
		hints: hints(
			'Góc của hình vuông là góc vuông.',
			'Góc vuông bằng bao nhiêu độ?',
			'Đổi 60 thành 90.'
		)
	}),
	fix({
		title: 'Sửa lỗi: khối lệnh thừa trong vòng lặp',
		kind: 'turtle',
		grade: G,
		concept: 'loops',
		categories: ['turtle', 'loops'],
		task: '**Sửa lỗi**: rùa muốn vẽ tam giác đều cạnh 90 nhưng có một khối lệnh thừa trong vòng lặp.',
		broken: b.ws(b.repeat(3, b.forward(90), b.turn('RIGHT', 120), b.forward(20))),
		reference: b.ws(polygon(3, 90)),
		hints: hints(
			'Chạy từng bước: khối lệnh nào làm hình lệch?',
			'Mỗi cạnh chỉ cần tiến một lần rồi quay.',
			'Bỏ khối lệnh «rùa tiến 20».'
		)
	})
];

export const COURSE_3: SeedCourse = {
	slug: 'lop-3',
	title: 'Khóa 1: Rô-bốt trên đồi chè (lớp 3)',
	gradeFrom: 3,
	gradeTo: 3,
	summary: 'Trình tự, vòng lặp, sự kiện và sửa lỗi với rô-bốt hái chè và chú rùa vẽ hình.',
	lessons: [
		{
			slug: 'trinh-tu',
			title: 'Bài 1. Từng bước một',
			concept: 'sequence',
			summary: 'Sắp các khối lệnh theo đúng thứ tự để rô-bốt tới đích.',
			exercises: sequence
		},
		{
			slug: 'rua-ve',
			title: 'Bài 2. Rùa vẽ hình',
			concept: 'sequence',
			summary: 'Tiến, quay, vẽ: hình là một dãy lệnh.',
			exercises: drawing
		},
		{
			slug: 'vong-lap',
			title: 'Bài 3. Lặp lại',
			concept: 'loops',
			summary: 'Thấy phần lặp lại và dùng khối lệnh «lặp lại».',
			exercises: loops
		},
		{
			slug: 'su-kien',
			title: 'Bài 4. Khi … thì …',
			concept: 'events',
			summary: 'Khối lệnh «khi …» chạy các lệnh khi một việc xảy ra: bấm Chạy, rô-bốt tới bụi chè.',
			exercises: EVENTS_3
		},
		{
			slug: 'sua-loi',
			title: 'Bài 5. Sửa lỗi',
			concept: 'debugging',
			summary: 'Chạy từng bước, tìm chỗ sai, sửa chương trình.',
			exercises: debugging
		}
	]
};
