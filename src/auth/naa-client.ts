/** The part of MSAL's nestable client the token source uses; tests pass a fake. */
export interface NaaClient {
  acquireSilent(request: NaaRequest): Promise<string>;
  acquirePopup(request: NaaRequest): Promise<string>;
}

export interface NaaRequest {
  scopes: string[];
  forceRefresh: boolean;
}
