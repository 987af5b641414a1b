import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import type { GraphPrincipal } from './graph-principal';
import type { Mailbox } from './mailbox';

/** What the server adapter passes in; `$batch` items are dispatched in process with `batchItem`. */
export interface GraphBindings {
  incoming?: IncomingMessage | Http2ServerRequest;
  outgoing?: ServerResponse | Http2ServerResponse;
  batchItem?: boolean;
}

export interface GraphVariables {
  requestId: string;
  clientRequestId: string;
  principal: GraphPrincipal;
  mailbox: Mailbox;
  /** Extra latency an injected "slow" fault adds, spent while the request holds its throttling slot. */
  faultDelayMs: number;
}

export interface GraphEnv {
  Bindings: GraphBindings;
  Variables: GraphVariables;
}
