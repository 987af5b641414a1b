import type { DoctorCheck } from './doctor-check';

/** Token lifetimes are checked with 300 s of leeway; a clock further off makes valid tokens fail. */
const failSeconds = 300;
const warnSeconds = 60;

/** Compares the local clock with the `Date` of Entra ID's answer. */
export function checkClockSkew(remote: Date | undefined, local: Date): DoctorCheck {
  if (!remote) return { name: 'clock', status: 'warn', message: 'Not checked: no answer from Entra ID carried a Date header.' };
  const skewSeconds = Math.round((local.getTime() - remote.getTime()) / 1000);
  const size = Math.abs(skewSeconds);
  const words = `The local clock is ${size} s ${skewSeconds >= 0 ? 'ahead of' : 'behind'} Entra ID`;
  const fix = 'Synchronise the server clock with NTP (timedatectl set-ntp true, or the host’s time service).';
  if (size > failSeconds) return { name: 'clock', status: 'fail', message: `${words}: tokens are refused beyond ${failSeconds} s.`, fix };
  if (size > warnSeconds) return { name: 'clock', status: 'warn', message: `${words}; tokens are refused beyond ${failSeconds} s.`, fix };
  return { name: 'clock', status: 'ok', message: `${words}.` };
}
