import type { SensorSpec } from '../spec';
import { fail, type Verdict } from '../verdict';

/**
 * A simulated day, hour by hour. The program reads its sensor, switches its device and waits an hour;
 * each hour is then checked: soil moisture kept ≥ low without pumping needlessly (≥ high), or the flood
 * alarm sounding exactly when the river is at or above the danger level.
 */
export function createSensorWorld(spec: SensorSpec, values: number[]) {
	const world = {
		halted: false,
		hour: 0,
		moisture: spec.start ?? 50,
		device: false,
		log: [] as { hour: number; reading: number; device: boolean }[],
		failure: null as Verdict | null,
		api: {
			sensor_read: () =>
				spec.sensor === 'water'
					? values[Math.min(world.hour, values.length - 1)]
					: Math.round(world.moisture),
			sensor_hour: () => world.hour,
			sensor_set: (_device: unknown, on: unknown) => {
				world.device = Boolean(on);
			},
			sensor_wait_hour: () => {
				if (world.halted) return;
				const hour = world.hour;
				if (spec.sensor === 'water') {
					const level = values[hour];
					world.log.push({ hour, reading: level, device: world.device });
					const danger = spec.danger ?? 100;
					if (level >= danger && !world.device)
						world.failure = fail('sensor_alarm_late', { hour, level });
					else if (level < danger && world.device)
						world.failure = fail('sensor_false_alarm', { hour, level });
				} else {
					const before = world.moisture;
					if (world.device && before >= (spec.high ?? 100))
						world.failure = fail('sensor_needless_pump', { hour, value: Math.round(before) });
					world.moisture = Math.max(
						0,
						Math.min(100, before - values[hour] + (world.device ? (spec.pump ?? 10) : 0))
					);
					world.log.push({ hour, reading: Math.round(world.moisture), device: world.device });
					if (!world.failure && world.moisture < (spec.low ?? 0))
						world.failure = fail('sensor_dry', { hour, value: Math.round(world.moisture) });
				}
				world.hour++;
				if (world.failure || world.hour >= values.length) world.halted = true;
			}
		},
		verdict(): Verdict | null {
			if (world.failure) return world.failure;
			if (world.hour < values.length)
				return fail('sensor_stopped_early', { hour: world.hour, hours: values.length });
			return null;
		}
	};
	return world;
}
