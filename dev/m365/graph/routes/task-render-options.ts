import type { Context } from 'hono';
import type { GraphEnv } from '../graph-env';
import { invalidQuery } from '../graph-error';
import { type GraphJsonOptions, requestedTimeZone } from '../graph-response';
import { parseSelect } from '../parse-select';
import { type RenderTodoTaskOptions, todoTaskPropertyNames } from '../render-todo';

/** `$expand=linkedResources` is the only expansion of a task the emulator knows. */
export function parseTaskExpand(expand: string | undefined): boolean {
  if (expand === undefined) return false;
  if (expand.trim().toLowerCase() !== 'linkedresources') throw invalidQuery(`The $expand '${expand}' is not supported on todoTask by the emulator: use linkedResources.`);
  return true;
}

/** Render options from the request: `Prefer: outlook.timezone`, `$select`, `$expand`. */
export function taskRenderOptions(c: Context<GraphEnv>, query: { select?: string; expand?: string } = {}): { render: RenderTodoTaskOptions; send: GraphJsonOptions } {
  const { zone, applied } = requestedTimeZone(c);
  const select = parseSelect(query.select, todoTaskPropertyNames, 'todoTask');
  return {
    render: { zone, select: select ? new Set(select) : undefined, linkedResources: parseTaskExpand(query.expand) },
    send: { appliedTimeZone: applied ? zone.name : undefined },
  };
}
