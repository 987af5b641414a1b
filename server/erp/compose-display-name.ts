/** "Given Surname" as Outlook shows it, or `undefined` when the contact has neither. */
export function composeDisplayName(givenName: string | null | undefined, surname: string | null | undefined): string | undefined {
  const name = [givenName, surname].filter((part) => part).join(' ');
  return name || undefined;
}
