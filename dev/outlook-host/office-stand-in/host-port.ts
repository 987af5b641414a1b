import { type AddinToHost, type HostToAddin, isHostToAddin } from '../host-protocol';

/** The stand-in's line to the host page: the parent window, on whatever origin sent `init`. */
export interface HostPort {
  send(message: AddinToHost): void;
  listen(listener: (message: HostToAddin) => void): void;
}

/**
 * Office.js in an Outlook on the web iframe talks to its host with `postMessage`. Only the parent
 * window is heard; after `init`, only from the origin that sent it, and replies go to that origin.
 */
export function connectToParentWindow(own: Window): HostPort {
  let hostOrigin: string | undefined;
  const listeners: ((message: HostToAddin) => void)[] = [];
  own.addEventListener('message', (event) => {
    if (event.source !== own.parent || !isHostToAddin(event.data)) return;
    if (event.data.kind === 'init') hostOrigin = event.origin;
    else if (event.origin !== hostOrigin) return;
    for (const listener of listeners) listener(event.data);
  });
  return {
    // `hello` carries nothing, so it may go to any origin: it is how the host learns the frame is ready.
    send: (message) => own.parent.postMessage(message, message.kind === 'hello' ? '*' : (hostOrigin ?? own.location.origin)),
    listen: (listener) => listeners.push(listener),
  };
}
