export interface TokenRequest {
  /** Skip the in-memory copy (the bridge refused the last token). */
  forceRefresh?: boolean;
  /** The user asked (a click): a sign-in dialog may open. */
  interactive?: boolean;
}

/** Access tokens for the bridge's `access_as_user` scope; rejects with `SignInError`. */
export interface TokenSource {
  getToken(request?: TokenRequest): Promise<string>;
}

/** One way of getting a token; the token source tries them in order. */
export interface TokenStrategy {
  readonly name: 'nested-app-auth' | 'office-sso' | 'dialog';
  isAvailable(): boolean;
  acquire(request: Required<TokenRequest>): Promise<string>;
}
