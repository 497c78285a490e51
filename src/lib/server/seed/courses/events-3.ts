// Course 1, lesson 4: events with the tea-picking robot ("khi bấm Chạy", "khi rô-bốt tới bụi chè").
import * as b from '../../exercises/build';
import type { SeedExercise } from '../exercises';
import { hints, maze, mazeFromRoute, routeBlocks } from './make';

const ev = (
	title: string,
	route: string,
	task: string,
	reference: ReturnType<typeof b.ws>,
	wrong: ReturnType<typeof b.ws>[],
	h: string[],
	concept: SeedExercise['concept'] = 'sequence'
): SeedExercise => ({
	title,
	kind: 'maze',
	grade: 3,
	concept,
	categories: concept === 'loops' ? ['events', 'maze', 'loops'] : ['events', 'maze'],
	task,
	reference,
	wrong,
	hints: h,
	world: maze(0, mazeFromRoute(route))
});
const steps = (route: string) => b.seq(...routeBlocks(route))!;

export const EVENTS_3: SeedExercise[] = [
	ev(
		'Khi bấm Chạy',
		'FFFRF',
		'Mọi chương trình bắt đầu khi em bấm **Chạy**. Gắn các khối lệnh dưới khối lệnh **khi bấm Chạy** để rô-bốt tới cờ.',
		b.ws(b.onStart(steps('FFFRF'))),
		[b.ws(b.onStart(steps('FFFR')))],
		hints(
			'Khối lệnh «khi bấm Chạy» nằm trên cùng.',
			'Gắn các khối lệnh đi và quay ngay dưới khối lệnh «khi bấm Chạy».',
			'Khi bấm Chạy: đi tới 3 lần, quay phải, đi tới.'
		)
	),
	ev(
		'Hái chè từng bụi',
		'FF*FF',
		'Trên lối có một **bụi chè** 🍃. Đi tới bụi chè, dùng khối lệnh **hái chè**, rồi đi tiếp tới cờ.',
		b.ws(b.onStart(b.go(), b.go(), b.pick(), b.go(), b.go())),
		[b.ws(b.onStart(steps('FFFF')))],
		hints(
			'Rô-bốt phải đứng trên bụi chè thì mới hái được.',
			'Đi 2 ô, hái, rồi đi thêm 2 ô.',
			'Khi bấm Chạy: đi tới, đi tới, hái chè, đi tới, đi tới.'
		)
	),
	ev(
		'Khi tới bụi chè thì hái',
		'F*FF*FF',
		'Có hai bụi chè. Thay vì nhớ bụi chè ở đâu, dùng khối lệnh **khi rô-bốt tới bụi chè** để rô-bốt tự hái.',
		b.ws(b.onStart(b.repeat(5, b.go())), b.onReach(b.pick())),
		[b.ws(b.onStart(b.repeat(5, b.go())))],
		hints(
			'Có một khối lệnh «khi …» khác trong nhóm Sự kiện.',
			'Một chồng khối lệnh đưa rô-bốt đi; chồng khối lệnh «khi rô-bốt tới bụi chè» thì hái.',
			'Khi bấm Chạy: lặp lại 5 lần đi tới. Khi rô-bốt tới bụi chè: hái chè.'
		),
		'loops'
	),
	ev(
		'Chè trên bậc thang',
		'FLF*RFLF*RFLF*RF',
		'Mỗi bậc thang có một bụi chè. Cho rô-bốt leo **3 bậc** rồi đi tới cờ, tự hái chè khi tới bụi.',
		b.ws(b.onStart(b.repeat(3, ...routeBlocks('FLFR')), b.go()), b.onReach(b.pick())),
		[
			b.ws(b.onStart(b.repeat(3, ...routeBlocks('FLFR')), b.go())),
			b.ws(b.onStart(b.repeat(2, ...routeBlocks('FLFR')), b.go()), b.onReach(b.pick()))
		],
		hints(
			'Tìm một bậc lặp lại.',
			'Một bậc: đi tới, quay trái, đi tới, quay phải. Việc hái để khối lệnh «khi rô-bốt tới bụi chè» lo.',
			'Khi bấm Chạy: lặp lại 3 lần (đi tới, quay trái, đi tới, quay phải), rồi đi tới. Khi rô-bốt tới bụi chè: hái chè.'
		),
		'loops'
	),
	ev(
		'Đồi chè quanh co',
		'FF*RF*FLFF*F',
		'Lối quanh co có ba bụi chè. Viết đường đi dưới **khi bấm Chạy**, còn việc hái để **khi rô-bốt tới bụi chè** lo.',
		b.ws(b.onStart(steps('FFRFFLFFF')), b.onReach(b.pick())),
		[b.ws(b.onStart(steps('FFRFFLFFF')))],
		hints(
			'Đường đi và việc hái chè là hai việc khác nhau.',
			'Chồng thứ nhất: đường đi từng bước. Chồng thứ hai: khi tới bụi chè thì hái.',
			'Khi bấm Chạy: đi tới 2, quay phải, đi tới 2, quay trái, đi tới 3. Khi rô-bốt tới bụi chè: hái chè.'
		)
	)
];
