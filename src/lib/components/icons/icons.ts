// The app's icons, drawn here (24 × 24, lines in the text's colour) so they look the same on every device:
// emoji fonts are missing or different on many of the schools' old tablets and computers.
// A path marked `fill` is filled instead of stroked.
export type IconPath = { d: string; fill?: true };

const circle = (r: number, cx = 12, cy = 12) =>
	`M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
const face = (mouth: string): IconPath[] => [
	{ d: circle(9) },
	{ d: 'M9 9.5v.01M15 9.5v.01' },
	{ d: mouth }
];

const PATHS = {
	play: [{ d: 'M7 4v16l13-8z', fill: true }],
	step: [{ d: 'M5 5v14l10-7z', fill: true }, { d: 'M19 5v14' }],
	star: [
		{
			d: 'M12 2.5l2.9 6 6.6.9-4.8 4.6 1.2 6.5L12 17.4l-5.9 3.1 1.2-6.5-4.8-4.6 6.6-.9z',
			fill: true
		}
	],
	note: [{ d: 'M4 20h4L19 9l-4-4L4 16z' }, { d: 'M13.5 6.5l4 4' }],
	paperclip: [
		{
			d: 'M20 11.5l-8.1 8.1a5 5 0 0 1-7.1-7.1L13 4.3a3.4 3.4 0 0 1 4.8 4.8l-8.1 8.1a1.7 1.7 0 0 1-2.4-2.4L14.8 7.3'
		}
	],
	warning: [{ d: 'M12 3L2 20.5h20z' }, { d: 'M12 9.5v5M12 17.5v.01' }],
	medal: [{ d: circle(5, 12, 15) }, { d: 'M8 3l3 7M16 3l-3 7' }, { d: 'M12 13v4' }],
	calendar: [
		{ d: 'M5 5h14a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z' },
		{ d: 'M3 10h18M8 3v4M16 3v4' }
	],
	map: [{ d: 'M3 6l6-3 6 3 6-3v15l-6 3-6-3-6 3z' }, { d: 'M9 3v15M15 6v15' }],
	soundOn: [
		{ d: 'M4 9h4l5-4v14l-5-4H4z', fill: true },
		{ d: 'M16.5 9a4 4 0 0 1 0 6M19 6a8 8 0 0 1 0 12' }
	],
	soundOff: [{ d: 'M4 9h4l5-4v14l-5-4H4z', fill: true }, { d: 'M16.5 9.5l5 5M21.5 9.5l-5 5' }],
	smile: face('M8 14a5 5 0 0 0 8 0'),
	frown: face('M8 16.5a5 5 0 0 1 8 0'),
	slightFrown: face('M9 16a4 3 0 0 1 6 0'),
	neutral: face('M8.5 15h7'),
	grin: face('M7 13h10a5 5 0 0 1-10 0z'),
	check: [{ d: circle(9) }, { d: 'M8 12.5l3 3 5-6' }],
	lightbulb: [
		{ d: 'M9 18h6M10 21h4' },
		{ d: 'M12 3a6 6 0 0 0-4 10.5c.8.8 1 1.5 1 2.5h6c0-1 .2-1.7 1-2.5A6 6 0 0 0 12 3z' }
	],
	tools: [
		{
			d: 'M14.7 6.3a4 4 0 0 0-5.4 5.4L3 18l3 3 6.3-6.3a4 4 0 0 0 5.4-5.4l-2.5 2.5-2.4-.6-.6-2.4z'
		}
	],
	puzzle: [{ d: 'M4 7h4a2 2 0 1 1 4 0h4v4a2 2 0 1 1 0 4v5h-5a2 2 0 1 0-4 0H4v-5a2 2 0 1 0 0-4z' }],
	robot: [
		{ d: 'M7 8h10a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2z' },
		{ d: 'M12 8V4.5M10 4h4M9.5 13v.01M14.5 13v.01M9.5 16.5h5' }
	],
	flag: [{ d: 'M6 21V3.5' }, { d: 'M6 4h12l-3 4.5 3 4.5H6z', fill: true }],
	leaf: [{ d: 'M5 19C5 10 11 5 19 5c0 8-5 14-14 14z', fill: true }, { d: 'M5 19l8-8' }],
	turtle: [
		{ d: 'M5 14a7 5 0 0 1 14 0z', fill: true },
		{ d: 'M19 12.5h2.5a1.5 1.5 0 0 0 0-3H19M7 14l-1.5 3M17 14l1.5 3M3 14h18' }
	],
	save: [{ d: 'M5 3h11l3 3v15H5z' }, { d: 'M8 3v5h7V3M8 21v-7h8v7' }],
	pencil: [{ d: 'M4 20h4L19 9l-4-4L4 16z' }, { d: 'M13.5 6.5l4 4' }],
	people: [
		{ d: circle(3, 9, 8) },
		{ d: circle(2.5, 17, 9) },
		{ d: 'M3 20c0-3.5 2.7-6 6-6s6 2.5 6 6M15 14.5c3 0 6 2 6 5.5' }
	],
	eyeOff: [
		{ d: 'M2 12s3.5-6 10-6 10 6 10 6-3.5 6-10 6S2 12 2 12z' },
		{ d: circle(3) },
		{ d: 'M4 20L20 4' }
	],
	lock: [{ d: 'M5 11h14v10H5z' }, { d: 'M8 11V7a4 4 0 0 1 8 0v4' }],
	trash: [{ d: 'M4 6h16M9 6V3h6v3M6 6l1 15h10l1-15' }, { d: 'M10 10v7M14 10v7' }],
	bush: [
		{ d: 'M12 21v-9' },
		{ d: 'M12 14c-4.5 0-7-3-7-7 4.5 0 7 2.5 7 7zM12 12c0-4.5 2.5-7 7-7 0 4-2.5 7-7 7z', fill: true }
	]
} satisfies Record<string, IconPath[]>;

export type IconName = keyof typeof PATHS;
export const ICONS: Record<IconName, IconPath[]> = PATHS;
