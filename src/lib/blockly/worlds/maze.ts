import type { MazeWorld } from '../spec';
import { fail, type Verdict } from '../verdict';

const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];
const MAX_MOVES = 1000;

function find(rows: string[], ch: string): [number, number] {
	for (let y = 0; y < rows.length; y++) {
		const x = rows[y].indexOf(ch);
		if (x >= 0) return [x, y];
	}
	return [0, 0];
}

/** Squares with a tea bush ('*'), as "x,y". */
function bushesOf(rows: string[]): Set<string> {
	const set = new Set<string>();
	rows.forEach((row, y) => [...row].forEach((c, x) => c === '*' && set.add(`${x},${y}`)));
	return set;
}

/**
 * The robot on its grid: it stops when it reaches the goal or hits a wall. Tea bushes ('*') must all
 * be picked (maze_pick on their square) before the goal counts.
 */
export function createMazeWorld(grid: MazeWorld) {
	const [sx, sy] = find(grid.rows, 'S');
	const bushes = bushesOf(grid.rows);
	const [gx, gy] = find(grid.rows, 'G');
	const open = (x: number, y: number) =>
		y >= 0 && y < grid.rows.length && x >= 0 && x < grid.rows[y].length && grid.rows[y][x] !== '#';
	const world = {
		halted: false,
		x: sx,
		y: sy,
		dir: ((grid.dir % 4) + 4) % 4,
		moves: 0,
		crashed: false,
		path: [[sx, sy]] as [number, number][],
		picked: [] as [number, number][],
		atGoal: () => world.x === gx && world.y === gy,
		api: {
			maze_forward: () => {
				const nx = world.x + DX[world.dir];
				const ny = world.y + DY[world.dir];
				world.moves++;
				if (!open(nx, ny)) {
					world.crashed = true;
					world.halted = true;
					return;
				}
				world.x = nx;
				world.y = ny;
				world.path.push([nx, ny]);
				if (world.atGoal() || world.moves >= MAX_MOVES) world.halted = true;
			},
			maze_turn: (side: unknown) => {
				world.dir = (world.dir + (Number(side) < 0 ? 3 : 1)) % 4;
			},
			maze_path: (side: unknown) => {
				const d = (world.dir + 4 + (Number(side) || 0)) % 4;
				return open(world.x + DX[d], world.y + DY[d]);
			},
			maze_at_goal: () => world.atGoal(),
			maze_on_bush: () => bushes.has(`${world.x},${world.y}`),
			maze_pick: () => {
				if (bushes.delete(`${world.x},${world.y}`)) world.picked.push([world.x, world.y]);
			}
		},
		verdict(): Verdict | null {
			if (world.crashed) return fail('maze_wall', { x: world.x + 1, y: world.y + 1 });
			if (!world.atGoal()) return fail('maze_not_goal');
			if (bushes.size) return fail('maze_not_picked', { left: bushes.size });
			return null;
		}
	};
	return world;
}
