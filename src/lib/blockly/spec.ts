// An exercise is data: this is its shape, shared by the browser (player, authoring) and the server (grading).

export type Kind = 'io' | 'turtle' | 'maze' | 'sensor';
export const KINDS: Kind[] = ['io', 'turtle', 'maze', 'sensor'];
export type Concept = 'sequence' | 'loops' | 'conditions' | 'variables' | 'functions';
export const CONCEPTS: Concept[] = ['sequence', 'loops', 'conditions', 'variables', 'functions'];

/** Blockly's JSON serialization of a workspace (serialization.workspaces.save). */
export type WorkspaceJson = {
	blocks?: { languageVersion?: number; blocks?: BlockJson[] };
	variables?: unknown[];
} & Record<string, unknown>;
export interface BlockJson {
	type: string;
	id?: string;
	x?: number;
	y?: number;
	fields?: Record<string, unknown>;
	inputs?: Record<string, { block?: BlockJson; shadow?: BlockJson }>;
	next?: { block?: BlockJson; shadow?: BlockJson };
	extraState?: unknown;
	[key: string]: unknown;
}

export interface IoCase {
	inputs: Record<string, number | string>;
	expected: string;
	hidden?: boolean;
}
export interface Segment {
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}
/** Rows of the grid: '#' wall, '.' floor, 'S' start, 'G' goal. dir: 0 east, 1 south, 2 west, 3 north. */
export interface MazeWorld {
	rows: string[];
	dir: number;
}
export interface SensorSpec {
	sensor: 'moisture' | 'water';
	/** Per scenario, one number per hour: the soil drying (moisture) or the river level (water). */
	scenarios: { name: string; values: number[] }[];
	start?: number; // moisture at dawn
	low?: number; // moisture must stay ≥ low
	high?: number; // pumping when moisture ≥ high is needless
	pump?: number; // moisture added by an hour of pumping
	danger?: number; // river level at which the alarm must sound
}

export interface ExerciseSpec {
	task: string; // Markdown
	toolbox: string[]; // allowed block types
	start: WorkspaceJson | null; // starting blocks
	ideal: number; // ideal number of blocks (3 stars within it)
	hints: string[];
	reference: WorkspaceJson | null; // the teacher's solution; never sent to pupils
	wrong?: WorkspaceJson[]; // wrong solutions kept for the tests
	io?: { cases: IoCase[]; ignoreDiacritics?: boolean }; // tone marks ignored (grades 3–5)
	turtle?: { target: Segment[]; tolerance?: number };
	maze?: { worlds: MazeWorld[] };
	sensor?: SensorSpec;
}

/** What a pupil may see: no reference, no hidden expected outputs, no hints (they come one at a time). */
export function pupilView(spec: ExerciseSpec): ExerciseSpec {
	return {
		...spec,
		reference: null,
		wrong: undefined,
		hints: [],
		io: spec.io && {
			cases: spec.io.cases.map((c) => (c.hidden ? { inputs: {}, expected: '', hidden: true } : c))
		}
	};
}

export function emptySpec(kind: Kind): ExerciseSpec {
	const base: ExerciseSpec = {
		task: '',
		toolbox: [],
		start: null,
		ideal: 5,
		hints: [],
		reference: null
	};
	if (kind === 'io') base.io = { cases: [{ inputs: { n: 1 }, expected: '1' }] };
	if (kind === 'turtle') base.turtle = { target: [] };
	if (kind === 'maze') base.maze = { worlds: [{ rows: ['#####', '#S.G#', '#####'], dir: 0 }] };
	if (kind === 'sensor')
		base.sensor = {
			sensor: 'moisture',
			scenarios: [{ name: 'Ngày nắng', values: Array(24).fill(5) }],
			start: 55,
			low: 30,
			high: 70,
			pump: 15
		};
	return base;
}
