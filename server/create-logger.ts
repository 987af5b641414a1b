import pino, { type DestinationStream, type Logger } from 'pino';
import { serializeErrorWithoutPaths, stripFilePaths } from './strip-file-paths';

/** Paths that may hold secrets; pino replaces their values before anything is written. */
const redact = [
  'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
  'clientSecret', '*.clientSecret', 'password', '*.password', 'token', '*.token',
  'accessToken', '*.accessToken', 'refreshToken', '*.refreshToken', 'assertion', '*.assertion',
];

/**
 * JSON logs on stdout (one line per event); `pretty` for people at a terminal. Errors and messages
 * carry no file path: a log line never tells where the bridge is installed.
 */
export function createLogger(options: { level?: string; pretty?: boolean; destination?: DestinationStream } = {}): Logger {
  const settings = {
    level: options.level ?? 'info',
    redact: { paths: redact, censor: '[redacted]' },
    serializers: { err: serializeErrorWithoutPaths, error: serializeErrorWithoutPaths },
    hooks: {
      logMethod(this: Logger, args: Parameters<Logger['info']>, method: Logger['info']) {
        const [first, ...rest] = args;
        if (typeof first === 'string') return method.apply(this, [stripFilePaths(first), ...rest]);
        if (typeof rest[0] === 'string') return method.apply(this, [first, stripFilePaths(rest[0]), ...rest.slice(1)]);
        return method.apply(this, args);
      },
    },
    ...(options.pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
