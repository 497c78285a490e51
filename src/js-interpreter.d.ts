declare module 'js-interpreter' {
	const Interpreter: unknown;
	export default Interpreter;
}
