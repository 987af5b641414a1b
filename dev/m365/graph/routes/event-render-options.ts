import type { Context } from 'hono';
import type { GraphEnv } from '../graph-env';
import { type GraphJsonOptions, requestedBodyContentType, requestedTimeZone } from '../graph-response';
import { parseExtendedPropertyExpand } from '../parse-extended-property-expand';
import { parsePreferHeader } from '../parse-prefer-header';
import { parseSelect } from '../parse-select';
import { eventPropertyNames, type RenderEventOptions } from '../render-event';

/** Render options from the request: `Prefer: outlook.timezone`, `outlook.body-content-type`, `$select`, `$expand`. */
export function eventRenderOptions(c: Context<GraphEnv>, query: { select?: string; expand?: string } = {}): { render: RenderEventOptions; send: GraphJsonOptions } {
  const { zone, applied } = requestedTimeZone(c);
  const bodyContentType = requestedBodyContentType(c);
  const select = parseSelect(query.select, eventPropertyNames, 'event');
  const bodyPreferred = parsePreferHeader(c.req.header('prefer')).has('outlook.body-content-type');
  return {
    render: { zone, bodyContentType, select: select ? new Set(select) : undefined, expandedPropertyKeys: parseExtendedPropertyExpand(query.expand) },
    send: { appliedTimeZone: applied ? zone.name : undefined, appliedBodyContentType: bodyPreferred ? bodyContentType : undefined },
  };
}
