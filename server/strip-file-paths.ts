/** An absolute POSIX or Windows path, or a file:// URL, not part of a longer word or URL. */
const absolutePath = /(?<![\w/.:-])(?:file:\/\/)?(?:\/|[A-Za-z]:\\)(?:[^\s/\\:()'"`]+[/\\])+([^\s/\\:()'"`]*)/g;

/**
 * A text with every absolute file path cut to its file name (`…/docs-routes.ts:20:5`): logs show
 * where an error came from, never where the bridge is installed.
 */
export function stripFilePaths(text: string): string {
  return text.replace(absolutePath, (_path, name: string) => `…/${name}`);
}

/** An error as logged: its type, code, message and stack, with file paths stripped; nothing else (an ENOENT's `path` stays out). */
export function serializeErrorWithoutPaths(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: stripFilePaths(String(error)) };
  const code = 'code' in error && typeof error.code === 'string' ? { code: error.code } : {};
  return {
    type: error.name,
    ...code,
    message: stripFilePaths(error.message),
    ...(error.stack ? { stack: stripFilePaths(error.stack) } : {}),
    ...(error.cause === undefined ? {} : { cause: serializeErrorWithoutPaths(error.cause) }),
  };
}
