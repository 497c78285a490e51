// Headless Blockly on the server (Node loads it with jsdom): load a pupil's workspace, generate its code
// with the very generators the browser uses.
import * as Blockly from 'blockly';
import { javascriptGenerator } from 'blockly/javascript';
import Interpreter from 'js-interpreter';
import { registerBlockly } from '$lib/blockly/register';
import type { InterpreterClass } from '$lib/blockly/runner';
import type { WorkspaceJson } from '$lib/blockly/spec';

registerBlockly(Blockly, javascriptGenerator);

export const ServerInterpreter = Interpreter as unknown as InterpreterClass;

/**
 * The JavaScript of a workspace, or null when Blockly cannot load it. Blockly's events are off
 * meanwhile: each would copy its block as XML (for undo), which grading never asks for.
 */
export function generateCode(workspace: WorkspaceJson): string | null {
	Blockly.Events.disable();
	const ws = new Blockly.Workspace();
	try {
		Blockly.serialization.workspaces.load(workspace, ws, { recordUndo: false });
		return javascriptGenerator.workspaceToCode(ws);
	} catch (e) {
		if (process.env.DEBUG_BLOCKLY) console.error(e);
		return null;
	} finally {
		ws.dispose();
		Blockly.Events.enable();
	}
}
