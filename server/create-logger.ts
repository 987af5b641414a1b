import pino, { type Logger } from 'pino';

/** Paths that may hold secrets; pino replaces their values before anything is written. */
const redact = [
  'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
  'clientSecret', '*.clientSecret', 'password', '*.password', 'token', '*.token',
  'accessToken', '*.accessToken', 'refreshToken', '*.refreshToken', 'assertion', '*.assertion',
];

/** JSON logs on stdout (one line per event); `pretty` for people at a terminal. */
export function createLogger(options: { level?: string; pretty?: boolean } = {}): Logger {
  return pino({
    level: options.level ?? 'info',
    redact: { paths: redact, censor: '[redacted]' },
    ...(options.pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  });
}
