// Course 2, grades 4–5: loops, nested loops, sensor events, conditions, input/output, debugging.
import * as b from '../../exercises/build';
import type { SeedExercise } from '../exercises';
import { mazeLoop } from './lop-3';
import {
	CALM_DAY,
	FLOOD_DAY,
	floodEvents,
	floodWorld,
	hints,
	ioEx,
	maze,
	mazeFromRoute,
	polygon,
	TWO_FLOODS
} from './make';
import type { SeedCourse } from './types';

const turtle = (
	title: string,
	grade: number,
	task: string,
	reference: ReturnType<typeof b.ws>,
	wrong: ReturnType<typeof b.ws>[],
	h: string[],
	start?: ReturnType<typeof b.ws>
): SeedExercise => ({
	title,
	kind: 'turtle',
	grade,
	concept: 'loops',
	categories: ['turtle', 'loops'],
	task,
	reference,
	wrong,
	hints: h,
	...(start ? { start } : {})
});

const loops: SeedExercise[] = [
	mazeLoop(
		'Ruộng bậc thang',
		'FFLFR',
		3,
		'Ruộng bậc thang có 3 bậc giống nhau. Dùng **vòng lặp** để rô-bốt lên tới cờ.',
		hints(
			'Tìm một bậc.',
			'Một bậc: đi 2 ô, quay trái, đi 1 ô, quay phải.',
			'Lặp lại 3 lần: đi tới, đi tới, quay trái, đi tới, quay phải.'
		),
		4
	),
	mazeLoop(
		'Xuống suối lấy nước',
		'FRFFL',
		3,
		'Đường xuống suối có 3 đoạn giống nhau. Lặp lại một đoạn.',
		hints(
			'Đoạn đầu bắt đầu bằng «đi tới».',
			'Một đoạn: đi tới, quay phải, đi tới 2, quay trái.',
			'Lặp lại 3 lần: đi tới, quay phải, đi tới, đi tới, quay trái.'
		),
		4
	),
	mazeLoop(
		'Đường lên Mẫu Sơn',
		'FLFFFR',
		3,
		'Đường lên đỉnh Mẫu Sơn dốc và dài. Dùng **ít khối lệnh nhất** có thể.',
		hints(
			'Đường gồm các đoạn giống nhau.',
			'Một đoạn: đi tới, quay trái, đi tới 3, quay phải.',
			'Lặp lại 3 lần: đi tới, quay trái, đi tới, đi tới, đi tới, quay phải.'
		),
		4
	),
	turtle(
		'Ngũ giác cổng làng',
		4,
		'Vẽ **ngũ giác đều** (5 cạnh) cạnh 80.',
		b.ws(polygon(5, 80)),
		[b.ws(b.repeat(5, b.forward(80), b.turn('RIGHT', 60)))],
		hints(
			'Ngũ giác có 5 cạnh.',
			'Góc quay = 360 ÷ số cạnh.',
			'Lặp lại 5 lần: tiến 80, quay phải 72.'
		)
	),
	turtle(
		'Bát giác mặt trống đồng',
		4,
		'Vẽ **bát giác đều** (8 cạnh) cạnh 40.',
		b.ws(polygon(8, 40)),
		[b.ws(polygon(6, 40))],
		hints('Bát giác có 8 cạnh.', '360 ÷ 8 = 45.', 'Lặp lại 8 lần: tiến 40, quay phải 45.')
	),
	turtle(
		'Ngôi sao năm cánh',
		4,
		'Vẽ **ngôi sao năm cánh** cạnh 100: mỗi lần quay phải 144 độ.',
		b.ws(b.repeat(5, b.forward(100), b.turn('RIGHT', 144))),
		[b.ws(b.repeat(5, b.forward(100), b.turn('RIGHT', 72)))],
		hints(
			'Ngôi sao cũng lặp lại 5 lần.',
			'Mỗi cánh: tiến rồi quay một góc nhọn.',
			'Lặp lại 5 lần: tiến 100, quay phải 144.'
		)
	)
];

const flower = (k: number, n: number, side: number) =>
	b.repeat(k, polygon(n, side), b.turn('RIGHT', Math.round((360 / k) * 100) / 100));

const nested: SeedExercise[] = [
	turtle(
		'Hai bánh chưng quay lưng',
		5,
		'Vẽ **2 hình vuông** cạnh 60, sau hình thứ nhất quay phải 180 độ. Dùng một vòng lặp **bên trong** một vòng lặp.',
		b.ws(flower(2, 4, 60)),
		[b.ws(b.repeat(2, b.repeat(3, b.forward(60), b.turn('RIGHT', 90)), b.turn('RIGHT', 180)))],
		hints(
			'Vòng lặp ngoài lặp 2 lần, vòng lặp trong vẽ một hình vuông.',
			'Vòng trong: lặp 4 lần tiến 60, quay phải 90. Sau đó quay phải 180.',
			'Lặp lại 2 lần: [lặp lại 4 lần: tiến 60, quay phải 90], quay phải 180.'
		)
	),
	turtle(
		'Chong chóng tre',
		5,
		'Vẽ chong chóng **4 hình vuông** cạnh 50, sau mỗi hình quay phải 90 độ.',
		b.ws(flower(4, 4, 50)),
		[b.ws(b.repeat(4, polygon(4, 50)))],
		hints(
			'Giống bài trước nhưng 4 hình vuông.',
			'Sau mỗi hình vuông phải quay thêm, nếu không các hình chồng lên nhau.',
			'Lặp lại 4 lần: [lặp lại 4 lần: tiến 50, quay phải 90], quay phải 90.'
		)
	),
	turtle(
		'Bông hoa tam giác',
		5,
		'Vẽ bông hoa **6 cánh**, mỗi cánh là một tam giác đều cạnh 60; sau mỗi cánh quay phải 60 độ.',
		b.ws(flower(6, 3, 60)),
		[b.ws(flower(5, 3, 60))],
		hints(
			'Mỗi cánh là một tam giác: lặp 3 lần.',
			'Vòng ngoài lặp 6 lần, sau mỗi cánh quay 60.',
			'Lặp lại 6 lần: [lặp lại 3 lần: tiến 60, quay phải 120], quay phải 60.'
		)
	),
	turtle(
		'Hoa hồi tám cánh',
		5,
		'Hoa hồi có **8 cánh**. Vẽ 8 hình vuông cạnh 40, sau mỗi hình quay phải 45 độ.',
		b.ws(flower(8, 4, 40)),
		[b.ws(flower(8, 4, 30))],
		hints(
			'Cánh hoa là hình vuông cạnh 40.',
			'360 ÷ 8 = 45.',
			'Lặp lại 8 lần: [lặp lại 4 lần: tiến 40, quay phải 90], quay phải 45.'
		)
	),
	turtle(
		'Dãy nhà sàn',
		5,
		'Vẽ **3 ngôi nhà** (hình vuông cạnh 40) thành một hàng: vẽ nhà, nhấc bút, tiến 60, đặt bút.',
		b.ws(b.repeat(3, polygon(4, 40), b.pen('UP'), b.forward(60), b.pen('DOWN'))),
		[b.ws(b.repeat(3, polygon(4, 40), b.forward(60)))],
		hints(
			'Giữa hai nhà không có nét vẽ.',
			'Nhấc bút trước khi đi sang chỗ nhà mới, rồi đặt bút xuống.',
			'Lặp lại 3 lần: [lặp lại 4 lần: tiến 40, quay phải 90], bút nhấc lên, tiến 60, bút đặt xuống.'
		)
	),
	turtle(
		'Vòng hoa mười hai cánh',
		5,
		'Vẽ **12 ngũ giác** cạnh 30, sau mỗi hình quay phải 30 độ.',
		b.ws(flower(12, 5, 30)),
		[b.ws(flower(12, 4, 30))],
		hints(
			'Vòng trong vẽ một ngũ giác.',
			'Ngũ giác: lặp 5 lần tiến 30, quay 72.',
			'Lặp lại 12 lần: [lặp lại 5 lần: tiến 30, quay phải 72], quay phải 30.'
		)
	)
];

const sensorEv = (
	title: string,
	task: string,
	reference: ReturnType<typeof b.ws>,
	wrong: ReturnType<typeof b.ws>[],
	world: SeedExercise['world'],
	h: string[]
): SeedExercise => ({
	title,
	kind: 'sensor',
	grade: 5,
	concept: 'conditions',
	categories: ['events', 'sensor', 'loops'],
	task,
	reference,
	wrong,
	hints: h,
	world
});

const events: SeedExercise[] = [
	sensorEv(
		'Đêm mưa ba giờ',
		'Sông Kỳ Cùng lên 120 cm, 150 cm rồi 260 cm. Dưới **khi bấm Chạy**, cho trạm chờ 3 giờ; dùng khối lệnh **khi mực nước sông ≥ 250** để bật còi.',
		b.ws(b.onStart(b.repeat(3, b.wait())), b.onSensor('water', 'ABOVE', 250, b.alarm(true))),
		[b.ws(b.onStart(b.repeat(3, b.wait())))],
		floodWorld(250, ['Đêm mưa', [120, 150, 260]]),
		hints(
			'Còi chỉ cần bật khi nước lên cao.',
			'Chồng 1: lặp 3 lần chờ 1 giờ. Chồng 2: khi mực nước sông ≥ 250 thì bật còi.',
			'Khi bấm Chạy: lặp lại 3 lần chờ 1 giờ. Khi mực nước sông ≥ 250: còi báo lũ bật.'
		)
	),
	sensorEv(
		'Còi báo lũ cả ngày',
		'Suốt 24 giờ: **bật còi** khi nước lên tới 250 cm, **tắt còi** khi nước rút xuống dưới 250 cm. Dùng hai khối lệnh «khi …».',
		floodEvents(250),
		[b.ws(b.onStart(b.repeat(24, b.wait())), b.onSensor('water', 'ABOVE', 250, b.alarm(true)))],
		floodWorld(250, FLOOD_DAY, CALM_DAY),
		hints(
			'Nước lên rồi lại rút.',
			'Một khối lệnh «khi» bật còi, một khối lệnh «khi» tắt còi.',
			'Khi bấm Chạy: lặp lại 24 lần chờ 1 giờ. Khi mực nước ≥ 250: bật còi. Khi mực nước < 250: tắt còi.'
		)
	),
	sensorEv(
		'Hai đợt lũ',
		'Hôm nay nước lên **hai lần**. Chương trình phải bật còi cả hai lần và tắt còi khi nước rút.',
		floodEvents(250),
		[
			b.ws(
				b.onStart(b.repeat(24, b.wait())),
				b.onSensor('water', 'ABOVE', 250, b.alarm(true)),
				b.onSensor('water', 'BELOW', 200, b.alarm(false))
			)
		],
		floodWorld(250, TWO_FLOODS),
		hints(
			'Khối lệnh «khi …» chạy mỗi lần nước vượt ngưỡng, không chỉ một lần.',
			'Ngưỡng tắt còi phải bằng ngưỡng bật còi.',
			'Khi bấm Chạy: lặp lại 24 lần chờ 1 giờ. Khi mực nước ≥ 250: bật còi. Khi mực nước < 250: tắt còi.'
		)
	),
	sensorEv(
		'Ngưỡng báo động 280',
		'Ở hạ lưu, bờ sông cao hơn: còi chỉ bật khi nước **từ 280 cm**.',
		floodEvents(280),
		[floodEvents(250)],
		floodWorld(280, FLOOD_DAY, TWO_FLOODS),
		hints(
			'Ngưỡng đã đổi.',
			'Sửa số trong cả hai khối lệnh «khi».',
			'Khi mực nước ≥ 280: bật còi. Khi mực nước < 280: tắt còi.'
		)
	),
	sensorEv(
		'Còi tắt lúc bắt đầu',
		'Sáng nay còi đang **tắt** và nước thấp. Cả ngày, còi phải bật đúng lúc nước từ 250 cm và tắt khi nước rút.',
		floodEvents(250),
		[
			b.ws(
				b.onStart(b.alarm(true), b.repeat(24, b.wait())),
				b.onSensor('water', 'ABOVE', 250, b.alarm(true))
			)
		],
		floodWorld(250, CALM_DAY, FLOOD_DAY),
		hints(
			'Ngày yên thì còi không được kêu lần nào.',
			'Đừng bật còi ngay khi bấm Chạy.',
			'Khi bấm Chạy: lặp lại 24 lần chờ 1 giờ. Khi mực nước ≥ 250: bật còi. Khi mực nước < 250: tắt còi.'
		)
	),
	sensorEv(
		'Nửa ngày canh lũ',
		'Trạm chỉ canh **12 giờ đầu** của ngày lũ, rồi người trực thay ca. Ngưỡng 250 cm.',
		floodEvents(250, 12),
		[floodEvents(250, 10)],
		floodWorld(250, ['Nửa ngày lũ', FLOOD_DAY[1].slice(0, 12)]),
		hints(
			'Số giờ canh đã đổi.',
			'Vòng lặp dưới «khi bấm Chạy» phải chờ đủ 12 giờ.',
			'Khi bấm Chạy: lặp lại 12 lần chờ 1 giờ; hai khối lệnh «khi» như bài trước.'
		)
	)
];

const right = (route: string) => mazeFromRoute(route);
const follow = (side: 'LEFT' | 'RIGHT') =>
	b.ws(b.until(b.atGoal(), b.ifThen(b.path('AHEAD'), [b.go()], [b.mturn(side)])));
const wall = b.ws(
	b.until(
		b.atGoal(),
		b.ifThen(
			b.path('AHEAD'),
			[b.go()],
			[b.ifThen(b.path('LEFT'), [b.mturn('LEFT')], [b.mturn('RIGHT')])]
		)
	)
);
const mz = (
	title: string,
	task: string,
	reference: ReturnType<typeof b.ws>,
	wrong: ReturnType<typeof b.ws>[],
	grids: string[][],
	h: string[]
): SeedExercise => ({
	title,
	kind: 'maze',
	grade: 5,
	concept: 'conditions',
	categories: ['maze', 'loops', 'logic'],
	task,
	reference,
	wrong,
	hints: h,
	world: maze(0, ...grids)
});
const untilGo = b.ws(b.until(b.atGoal(), b.go()));

const conditions: SeedExercise[] = [
	mz(
		'Lặp cho tới cờ',
		'Hai lối mòn dài khác nhau. Dùng **lặp lại cho đến khi đã tới đích** để một chương trình chạy đúng cả hai.',
		untilGo,
		[b.ws(b.repeat(4, b.go()))],
		[right('FFFF'), right('FFFFFFF')],
		hints(
			'Không đếm số ô được vì hai lối khác nhau.',
			'Khối lệnh «lặp lại cho đến khi» dừng khi điều kiện đúng.',
			'Lặp lại cho đến khi đã tới đích: đi tới.'
		)
	),
	mz(
		'Rẽ phải khi hết đường',
		'Lối mòn chỉ rẽ phải. Mỗi bước: **nếu** có đường phía trước thì đi tới, **nếu không** thì quay phải.',
		follow('RIGHT'),
		[untilGo],
		[right('FFFRFFRFF')],
		hints(
			'Rô-bốt cần nhìn trước khi đi.',
			'Dùng «nếu có đường phía trước … nếu không …» trong vòng lặp.',
			'Lặp lại cho đến khi đã tới đích: nếu có đường phía trước thì đi tới, nếu không thì quay phải.'
		)
	),
	mz(
		'Rẽ trái khi hết đường',
		'Lối này chỉ rẽ trái, ở hai đồi khác nhau. Sửa cách rẽ cho đúng.',
		follow('LEFT'),
		[follow('RIGHT')],
		[right('FFLFFFLFF'), right('FLFFLF')],
		hints(
			'Giống bài trước nhưng khác hướng rẽ.',
			'Khi phía trước bị chặn, quay trái.',
			'Lặp lại cho đến khi đã tới đích: nếu có đường phía trước thì đi tới, nếu không thì quay trái.'
		)
	),
	mz(
		'Rẽ phải rồi rẽ trái',
		'Lối mòn rẽ cả hai phía. Khi phía trước bị chặn, hỏi tiếp **có đường bên trái?**',
		wall,
		[follow('RIGHT')],
		[right('FFRFFLFFRF')],
		hints(
			'Một khối lệnh «nếu» chưa đủ.',
			'Trong phần «nếu không», đặt thêm một khối lệnh «nếu có đường bên trái».',
			'Lặp cho tới đích: nếu có đường phía trước thì đi tới; nếu không: nếu có đường trái thì quay trái, nếu không thì quay phải.'
		)
	),
	mz(
		'Ba đồi chè, một chương trình',
		'Cùng một chương trình phải đưa rô-bốt tới cờ trên **cả ba đồi**.',
		wall,
		[follow('LEFT')],
		[right('FFRFFLFFRF'), right('FLFRFFLFF'), right('FFFRFFF')],
		hints(
			'Đừng đếm bước.',
			'Dùng lại chương trình tự tìm đường của bài trước.',
			'Lặp cho tới đích: nếu có đường phía trước thì đi tới; nếu không: nếu có đường trái thì quay trái, nếu không thì quay phải.'
		)
	)
];

const io45: SeedExercise[] = [
	ioEx({
		title: 'Chào bản Pác Bó',
		grade: 4,
		concept: 'sequence',
		categories: ['io', 'text'],
		task: 'In ra dòng chữ `Chào các bạn`.',
		reference: b.ws(b.print(b.text('Chào các bạn'))),
		wrong: [b.ws(b.print(b.text('Chào')))],
		inputs: [{}],
		answer: () => 'Chào các bạn',
		hints: hints(
			'Dùng khối lệnh «in ra».',
			'Gắn một khối lệnh chữ vào «in ra».',
			'In ra «Chào các bạn».'
		)
	}),
	ioEx({
		title: 'Số tiếp theo',
		grade: 4,
		concept: 'sequence',
		categories: ['io', 'math'],
		task: 'Đầu vào là số `n`. In ra số đứng **ngay sau** n.',
		reference: b.ws(b.print(b.arith('ADD', b.input('n'), b.num(1)))),
		wrong: [b.ws(b.print(b.input('n')))],
		inputs: [{ n: 5 }, { n: 99 }, { n: 0 }],
		answer: (i) => Number(i.n) + 1,
		hints: hints('Số ngay sau 5 là 6.', 'Cộng thêm 1 vào n.', 'In ra n + 1.')
	}),
	ioEx({
		title: 'Chu vi ô ruộng vuông',
		grade: 4,
		concept: 'sequence',
		categories: ['io', 'math'],
		task: 'Ô ruộng hình vuông có cạnh `a` mét. In ra **chu vi** của ô ruộng.',
		reference: b.ws(b.print(b.arith('MULTIPLY', b.input('a'), b.num(4)))),
		wrong: [b.ws(b.print(b.arith('MULTIPLY', b.input('a'), b.input('a'))))],
		inputs: [{ a: 5 }, { a: 12 }, { a: 7 }],
		answer: (i) => Number(i.a) * 4,
		hints: hints('Chu vi là tổng bốn cạnh.', 'Hình vuông có 4 cạnh bằng nhau.', 'In ra a × 4.')
	}),
	ioEx({
		title: 'Tiền mua na',
		grade: 5,
		concept: 'variables',
		categories: ['io', 'math', 'variables'],
		task: 'Na Chi Lăng giá `gia` nghìn đồng một cân. Mẹ mua `can` cân. In ra số tiền (nghìn đồng).',
		reference: b.ws(b.print(b.arith('MULTIPLY', b.input('gia'), b.input('can')))),
		wrong: [b.ws(b.print(b.arith('ADD', b.input('gia'), b.input('can'))))],
		inputs: [
			{ gia: 40, can: 3 },
			{ gia: 35, can: 2 },
			{ gia: 50, can: 4 }
		],
		answer: (i) => Number(i.gia) * Number(i.can),
		hints: hints('Mỗi cân giá bao nhiêu, mua mấy cân?', 'Tiền = giá × số cân.', 'In ra gia × can.')
	}),
	ioEx({
		title: 'Số lớn hơn',
		grade: 5,
		concept: 'conditions',
		categories: ['io', 'logic', 'math'],
		task: 'Hai bạn hái được `a` và `b` cân chè. In ra **số lớn hơn**.',
		reference: b.ws(
			b.ifThen(
				b.compare('GT', b.input('a'), b.input('b')),
				[b.print(b.input('a'))],
				[b.print(b.input('b'))]
			)
		),
		wrong: [b.ws(b.print(b.input('a')))],
		inputs: [
			{ a: 7, b: 3 },
			{ a: 2, b: 9 },
			{ a: 5, b: 8 }
		],
		answer: (i) => Math.max(Number(i.a), Number(i.b)),
		hints: hints(
			'Có khi a lớn hơn, có khi b lớn hơn.',
			'Dùng «nếu a > b thì … nếu không …».',
			'Nếu a > b thì in ra a, nếu không thì in ra b.'
		)
	})
];

const fix = (
	e: Omit<SeedExercise, 'start' | 'wrong'> & { broken: SeedExercise['reference'] }
): SeedExercise => {
	const { broken, ...rest } = e;
	return { ...rest, start: broken, wrong: [broken] };
};

const debugging: SeedExercise[] = [
	fix({
		title: 'Sửa lỗi: chong chóng chồng hình',
		kind: 'turtle',
		grade: 5,
		concept: 'loops',
		categories: ['turtle', 'loops'],
		task: '**Sửa lỗi**: rùa phải vẽ chong chóng 4 hình vuông cạnh 50 nhưng chỉ thấy một hình.',
		broken: b.ws(b.repeat(4, polygon(4, 50))),
		reference: b.ws(flower(4, 4, 50)),
		hints: hints(
			'Các hình vuông đang chồng lên nhau.',
			'Sau mỗi hình vuông, rùa cần quay.',
			'Thêm «quay phải 90» sau vòng lặp bên trong.'
		)
	}),
	fix({
		title: 'Sửa lỗi: còi không chịu tắt',
		kind: 'sensor',
		grade: 5,
		concept: 'conditions',
		categories: ['events', 'sensor', 'loops'],
		task: '**Sửa lỗi**: còi bật khi lũ lên nhưng không tắt khi nước rút.',
		broken: b.ws(
			b.onStart(b.repeat(24, b.wait())),
			b.onSensor('water', 'ABOVE', 250, b.alarm(true))
		),
		reference: floodEvents(250),
		world: floodWorld(250, FLOOD_DAY),
		hints: hints(
			'Chạy thử và xem còi kêu tới giờ nào.',
			'Cần thêm một khối lệnh «khi» cho lúc nước rút.',
			'Thêm: khi mực nước sông < 250 thì còi báo lũ tắt.'
		)
	}),
	fix({
		title: 'Sửa lỗi: rẽ nhầm phía',
		kind: 'maze',
		grade: 5,
		concept: 'conditions',
		categories: ['maze', 'loops', 'logic'],
		task: '**Sửa lỗi**: rô-bốt đi vòng quanh mà không tới cờ.',
		broken: follow('LEFT'),
		reference: follow('RIGHT'),
		world: maze(0, right('FFRFFRFF')),
		hints: hints(
			'Lối này rẽ về phía nào?',
			'Khi hết đường, rô-bốt phải quay phải.',
			'Đổi «quay trái» thành «quay phải».'
		)
	}),
	fix({
		title: 'Sửa lỗi: phép tính nhầm',
		kind: 'io',
		grade: 4,
		concept: 'sequence',
		categories: ['io', 'math'],
		task: '**Sửa lỗi**: chương trình phải in ra chu vi hình vuông cạnh `a`, nhưng in ra số khác.',
		broken: b.ws(b.print(b.arith('ADD', b.input('a'), b.num(4)))),
		reference: b.ws(b.print(b.arith('MULTIPLY', b.input('a'), b.num(4)))),
		world: {
			io: {
				cases: [
					{ inputs: { a: 5 }, expected: '20' },
					{ inputs: { a: 9 }, expected: '36' }
				]
			}
		},
		hints: hints(
			'Thử với a = 5: chu vi là 20.',
			'Phép tính đang là phép cộng.',
			'Đổi dấu + thành ×.'
		)
	}),
	fix({
		title: 'Sửa lỗi: hoa thiếu cánh',
		kind: 'turtle',
		grade: 5,
		concept: 'loops',
		categories: ['turtle', 'loops'],
		task: '**Sửa lỗi**: bông hoa 6 cánh tam giác (cạnh 60) chỉ có 5 cánh.',
		broken: b.ws(flower(5, 3, 60)),
		reference: b.ws(flower(6, 3, 60)),
		hints: hints(
			'Đếm số cánh.',
			'Vòng lặp ngoài quyết định số cánh; góc quay = 360 ÷ số cánh.',
			'Lặp 6 lần và quay phải 60.'
		)
	})
];

export const COURSE_4_5: SeedCourse = {
	slug: 'lop-4-5',
	title: 'Khóa 2: Trạm canh lũ (lớp 4–5)',
	gradeFrom: 4,
	gradeTo: 5,
	summary: 'Vòng lặp, vòng lặp lồng nhau, sự kiện từ cảm biến, điều kiện, đầu vào và sửa lỗi.',
	lessons: [
		{
			slug: 'vong-lap',
			title: 'Bài 1. Vòng lặp',
			concept: 'loops',
			summary: 'Tìm phần lặp lại trong đường đi và hình vẽ.',
			exercises: loops
		},
		{
			slug: 'lap-long-nhau',
			title: 'Bài 2. Vòng lặp lồng nhau',
			concept: 'nested_loops',
			summary: 'Một vòng lặp bên trong một vòng lặp: hoa, chong chóng, dãy nhà.',
			exercises: nested
		},
		{
			slug: 'su-kien-cam-bien',
			title: 'Bài 3. Khi nước lên',
			concept: 'events',
			summary: 'Khối lệnh «khi …» chạy khi số đo của cảm biến vượt ngưỡng.',
			stemLesson: 'Còi báo mực nước lũ sông Kỳ Cùng',
			exercises: events
		},
		{
			slug: 'dieu-kien',
			title: 'Bài 4. Nếu … thì …',
			concept: 'conditions',
			summary: 'Rô-bốt nhìn đường rồi mới đi.',
			exercises: conditions
		},
		{
			slug: 'dau-vao',
			title: 'Bài 5. Đầu vào và in ra',
			concept: 'sequence',
			summary: 'Chương trình nhận số, tính và in kết quả.',
			exercises: io45
		},
		{
			slug: 'sua-loi',
			title: 'Bài 6. Sửa lỗi',
			concept: 'debugging',
			summary: 'Tìm và sửa lỗi trong chương trình có sẵn.',
			exercises: debugging
		}
	]
};
