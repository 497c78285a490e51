// The pupil's program on the Player's stage: the world of one case, the program stepped in it block by
// block (Step) or to its end with a pause between blocks (Run), and after each block the snapshot the
// stage draws and the block highlighted in the workspace.
import type { WorkspaceSvg } from 'blockly/core';
import { omit } from '$lib/omit';
import { endVerdict, type AnyWorld, type WorldSnapshot } from './check';
import { runUntilBlock, startRun, type InterpreterClass, type Run } from './runner';
import { OK, type Verdict } from './verdict';

/** The interpreter and the program's code, fetched and generated when a run starts. */
export type Program = () => Promise<[InterpreterClass, string]>;

export class Stepper {
	/** The world after the last block, as JSON, for the stage. */
	snap = $state<WorldSnapshot | null>(null);
	/** The block about to run, in words ('' when none). */
	block = $state('');
	#run: Run | null = null;
	#world: AnyWorld | null = null;
	readonly #startWorld: (caseIndex: number) => AnyWorld;
	readonly #workspace: () => WorkspaceSvg | null;

	/** `world`: a case's world as it starts (createWorld with the exercise's kind and spec). */
	constructor(world: (caseIndex: number) => AnyWorld, workspace: () => WorkspaceSvg | null) {
		this.#startWorld = world;
		this.#workspace = workspace;
	}

	/** A run has begun and not ended: the next Step goes on from its block. */
	get started(): boolean {
		return this.#run !== null;
	}

	/** Case `caseIndex`'s world afresh, no run, no block highlighted. */
	reset(caseIndex: number): void {
		this.#run = null;
		this.#world = this.#startWorld(caseIndex);
		this.#show(null);
	}

	/**
	 * One block further, or to the end waiting `pause()` ms between blocks. Returns the verdict when the
	 * program ended, null when it stopped at a block or was reset meanwhile.
	 */
	async advance(
		program: Program,
		caseIndex: number,
		toEnd: boolean,
		pause: () => number
	): Promise<Verdict | null> {
		if (!this.#run) {
			const [Interpreter, code] = await program();
			if (!this.#run) {
				this.reset(caseIndex);
				this.#run = startRun(Interpreter, code, this.#world!);
			}
		}
		const run = this.#run;
		for (;;) {
			const end = await runUntilBlock(run);
			if (this.#run !== run) return null; // reset while it ran
			if (end === 'block') {
				this.#show(run.highlighted);
				if (!toEnd) return null;
				const ms = pause();
				if (ms) await new Promise((r) => setTimeout(r, ms));
				if (this.#run !== run) return null;
				continue;
			}
			this.#show(null);
			this.#run = null;
			return endVerdict(end, run.errorMessage) ?? this.#world!.verdict() ?? OK;
		}
	}

	#show(blockId: string | null) {
		this.snap = this.#world && JSON.parse(JSON.stringify(omit(this.#world, 'api', 'verdict')));
		const workspace = this.#workspace();
		workspace?.highlightBlock(blockId);
		const block = blockId ? workspace?.getBlockById(blockId) : null;
		this.block = block ? block.toString(40) : '';
	}
}
