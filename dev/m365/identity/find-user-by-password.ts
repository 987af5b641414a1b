import type { DirectoryUser, IdentityDirectory } from './identity-directory';

/** The user a sign-in form names, when the password matches (the stand-in's only credential). */
export function findUserByPassword(directory: IdentityDirectory, username: string, password: string): DirectoryUser | undefined {
  const wanted = username.trim().toLowerCase();
  const user = directory.users.find((candidate) => candidate.userPrincipalName.toLowerCase() === wanted);
  return user && user.password === password ? user : undefined;
}
