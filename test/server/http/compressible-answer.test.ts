import { describe, expect, it } from 'vitest';
import { compressibleAnswer } from '../../../server/http/compressible-answer';

describe('compressibleAnswer', () => {
  it.each(['application/json', 'application/json; charset=UTF-8', 'text/html; charset=UTF-8', 'text/javascript'])('compresses %s', (type) => {
    expect(compressibleAnswer(type)).toBe(true);
  });

  it.each(['text/event-stream', 'text/event-stream; charset=utf-8', 'image/png', 'application/octet-stream'])('leaves %s as it is', (type) => {
    expect(compressibleAnswer(type)).toBe(false);
  });
});
