import type { OfficeHost } from '../../office/office-host';

/** Roaming settings hold 32 KB for the whole add-in; the newest choices are kept. */
const settingKey = 'contactChoices';
const maxChoices = 200;

type Choices = Record<string, string>;

function readChoices(office: OfficeHost): Choices {
  try {
    const value: unknown = JSON.parse(office.readSetting(settingKey) ?? '{}');
    if (typeof value !== 'object' || value === null) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

/** Which ERP contact the user chose for an address shared by several; it follows them to every Outlook. */
export function readContactChoice(office: OfficeHost, email: string): string | undefined {
  return readChoices(office)[email.toLowerCase()];
}

export async function rememberContactChoice(office: OfficeHost, email: string, contactId: string): Promise<void> {
  const key = email.toLowerCase();
  const { [key]: _previous, ...others } = readChoices(office);
  const kept = Object.entries(others).slice(-(maxChoices - 1));
  await office.writeSetting(settingKey, JSON.stringify(Object.fromEntries([...kept, [key, contactId]])));
}
