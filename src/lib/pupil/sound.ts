// The celebration's sound: off unless the pupil turns it on (kept in this browser only).
const KEY = 'mamstem-sound';

export function soundOn(): boolean {
	try {
		return localStorage.getItem(KEY) === 'on';
	} catch {
		return false;
	}
}

export function setSound(on: boolean) {
	try {
		localStorage.setItem(KEY, on ? 'on' : 'off');
	} catch {
		// private mode: the choice lasts for this page only
	}
}

/** Three rising notes, made by the browser (no audio file). */
export function chime() {
	try {
		const ctx = new AudioContext();
		[523, 659, 784].forEach((f, i) => {
			const o = ctx.createOscillator();
			const g = ctx.createGain();
			o.frequency.value = f;
			g.gain.setValueAtTime(0.15, ctx.currentTime + i * 0.15);
			g.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + i * 0.15 + 0.3);
			o.connect(g).connect(ctx.destination);
			o.start(ctx.currentTime + i * 0.15);
			o.stop(ctx.currentTime + i * 0.15 + 0.3);
		});
	} catch {
		// no audio here
	}
}
