/** The checks `npm run doctor` and the Admin view run, in the order they are reported. */
export const doctorCheckNames = [
  'token-endpoint',
  'client-secret',
  'secret-expiry',
  'admin-consent',
  'graph-permissions',
  'mailbox-access',
  'contact-folders',
  'erp',
  'public-url',
  'clock',
] as const;

export type DoctorCheckName = (typeof doctorCheckNames)[number];

export type DoctorStatus = 'ok' | 'warn' | 'fail';

/** One line of the report: what was found, in words, and what to do when it is not `ok`. */
export interface DoctorCheck {
  name: DoctorCheckName;
  status: DoctorStatus;
  message: string;
  fix?: string;
}
